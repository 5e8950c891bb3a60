// A small gazetteer of states (with official names, acronyms and capitals) and of widely known
// international organisations. General knowledge, not tied to any document: it lets the
// extraction see that "DPRK", "North Korea" and "Pyongyang" (a capital used for its government)
// are one actor, which no text-internal heuristic can know.

export interface GazetteerEntry {
  name: string
  kind: 'state' | 'organisation'
  acronyms: string[]
  /** Other full names (official, historical, short). */
  names: string[]
  /** Capitals, counted as the state's government when used as a metonym ("Beijing decided"). */
  capitals: string[]
}

// name | acronyms | other names | capitals — one entry a line, lists comma-separated.
const states = `
North Korea|DPRK|Democratic People's Republic of Korea|Pyongyang
South Korea|ROK|Republic of Korea|Seoul
Korea|||
China|PRC|People's Republic of China,Communist China,Red China,Mainland China|Beijing,Peking
Taiwan|ROC|Republic of China,Nationalist China,Formosa|Taipei
United States|US,U.S.,USA,U.S.A.|United States of America,America|Washington
Russia||Russian Federation|Moscow
Soviet Union|USSR,U.S.S.R.|Union of Soviet Socialist Republics|Moscow
Japan|||Tokyo
United Kingdom|UK,U.K.|Great Britain,Britain|London
France|||Paris
Germany|||Berlin
West Germany|FRG|Federal Republic of Germany|Bonn
East Germany|GDR|German Democratic Republic|East Berlin
Poland|||Warsaw
Romania||Rumania|Bucharest
Hungary|||Budapest
Czechoslovakia|||Prague
Yugoslavia|||Belgrade
Albania|||Tirana
Bulgaria|||Sofia
Mongolia|||Ulaanbaatar,Ulan Bator
Vietnam||Viet Nam|Hanoi
South Vietnam||Republic of Vietnam|Saigon
Cambodia||Kampuchea|Phnom Penh
Laos|||Vientiane
Thailand||Siam|Bangkok
Burma||Myanmar|Rangoon,Yangon
Indonesia|||Jakarta
Philippines|||Manila
Malaysia|||Kuala Lumpur
Singapore|||
India|||New Delhi
Pakistan|||Islamabad
Bangladesh|||Dhaka
Afghanistan|||Kabul
Iran||Persia|Tehran
Iraq|||Baghdad
Syria|||Damascus
Israel|||
Egypt|||Cairo
Turkey|||Ankara
Ottoman Empire|||Constantinople
Saudi Arabia|||Riyadh
Lebanon|||Beirut
Libya|||Tripoli
Algeria|||Algiers
Morocco|||Rabat
Ethiopia||Abyssinia|Addis Ababa
Kenya|||Nairobi
Nigeria|||Abuja
South Africa|||Pretoria
Cuba|||Havana
Mexico|||Mexico City
Canada|||Ottawa
Brazil|||Brasília
Argentina|||Buenos Aires
Chile|||Santiago
Peru|||Lima
Venezuela|||Caracas
Colombia|||Bogotá
Nicaragua|||Managua
Australia|||Canberra
New Zealand|||Wellington
Italy|||Rome
Spain|||Madrid
Portugal|||Lisbon
Netherlands||Holland|Amsterdam,The Hague
Belgium|||
Switzerland|||Bern
Austria|||Vienna
Austria-Hungary||Austro-Hungarian Empire|
Prussia|||
Sweden|||Stockholm
Norway|||Oslo
Denmark|||Copenhagen
Finland|||Helsinki
Greece|||Athens
Ireland|||Dublin
Ukraine|||Kyiv,Kiev
Belarus|||Minsk
Serbia|||
Vatican||Holy See|
`

const organisations = `
United Nations|UN,U.N.||
North Atlantic Treaty Organization|NATO|North Atlantic Treaty Organisation|
European Union|EU||
European Economic Community|EEC||
Warsaw Pact||Warsaw Treaty Organization|
League of Nations|||
World Bank|||
International Monetary Fund|IMF||
World Trade Organization|WTO|World Trade Organisation|
Association of Southeast Asian Nations|ASEAN||
Organization of the Petroleum Exporting Countries|OPEC||
Organization of American States|OAS||
Comintern||Communist International|
International Committee of the Red Cross|ICRC|Red Cross|
Central Intelligence Agency|CIA||
KGB|||
Non-Aligned Movement|NAM||
Chinese Communist Party|CCP,CPC|Communist Party of China|
Communist Party of the Soviet Union|CPSU||
Workers' Party of Korea|KWP,WPK|Korean Workers' Party|
Kuomintang|KMT||
`

function parse(table: string, kind: GazetteerEntry['kind']): GazetteerEntry[] {
  const list = (field: string | undefined): string[] =>
    (field ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [name, acronyms, names, capitals] = line.split('|')
      return {
        name: (name ?? '').trim(),
        kind,
        acronyms: list(acronyms),
        names: list(names),
        capitals: list(capitals)
      }
    })
}

export const gazetteer: readonly GazetteerEntry[] = [
  ...parse(states, 'state'),
  ...parse(organisations, 'organisation')
]

/** Every surface form the gazetteer knows, with the entries it may stand for (capitals can be shared). */
export function gazetteerForms(): Map<string, { entries: GazetteerEntry[]; isCapital: boolean }> {
  const forms = new Map<string, { entries: GazetteerEntry[]; isCapital: boolean }>()
  for (const entry of gazetteer) {
    const add = (form: string, isCapital: boolean): void => {
      const known = forms.get(form)
      if (known) known.entries.push(entry)
      else forms.set(form, { entries: [entry], isCapital })
    }
    for (const form of [entry.name, ...entry.acronyms, ...entry.names]) add(form, false)
    for (const capital of entry.capitals) add(capital, true)
  }
  return forms
}
