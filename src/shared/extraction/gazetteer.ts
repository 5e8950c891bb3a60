// A small gazetteer of states (with official names, acronyms and capitals) and of widely known
// international organisations. General knowledge, not tied to any document: it lets the
// extraction see that "DPRK", "North Korea" and "Pyongyang" (a capital used for its government)
// are one actor, which no text-internal heuristic can know. It also knows each state's
// adjective ("Soviet", "American", "North Korean"): "Soviet forces" is a mention of the Soviet
// Union, and actors.ts counts it as one where the adjective qualifies a common noun.

export interface GazetteerEntry {
  name: string
  kind: 'state' | 'organisation'
  acronyms: string[]
  /** Other full names (official, historical, short). */
  names: string[]
  /** Capitals, counted as the state's government when used as a metonym ("Beijing decided"). */
  capitals: string[]
  /**
   * Adjectives of nationality (demonyms) that stand for the state before a noun: "Soviet
   * forces", "the American zone". Several words when a longer one must win over a shorter one
   * ("North Korean" is North Korea's, not Korea's).
   */
  demonyms: string[]
}

/** A surface form of the gazetteer and what it may stand for. */
export interface GazetteerForm {
  entries: GazetteerEntry[]
  /** A capital: a metonym for its government, shared by entries at times (Moscow). */
  isCapital: boolean
  /** An adjective of nationality: a mention only where it qualifies a noun. */
  isDemonym: boolean
}

// name | acronyms | other names | capitals | demonyms — one entry a line, lists comma-separated.
const states = `
North Korea|DPRK|Democratic People's Republic of Korea|Pyongyang|North Korean
South Korea|ROK|Republic of Korea|Seoul|South Korean
Korea||||Korean
China|PRC|People's Republic of China,Communist China,Red China,Mainland China|Beijing,Peking|Chinese
Taiwan|ROC|Republic of China,Nationalist China,Formosa|Taipei|Taiwanese
United States|US,U.S.,USA,U.S.A.|United States of America,America|Washington|American
Russia||Russian Federation|Moscow|Russian
Soviet Union|USSR,U.S.S.R.|Union of Soviet Socialist Republics|Moscow|Soviet
Japan|||Tokyo|Japanese
United Kingdom|UK,U.K.|Great Britain,Britain|London|British
France|||Paris|French
Germany|||Berlin|German
West Germany|FRG|Federal Republic of Germany|Bonn|West German
East Germany|GDR|German Democratic Republic|East Berlin|East German
Poland|||Warsaw|Polish
Romania||Rumania|Bucharest|Romanian,Rumanian
Hungary|||Budapest|Hungarian
Czechoslovakia|||Prague|Czechoslovak,Czechoslovakian
Yugoslavia|||Belgrade|Yugoslav,Yugoslavian
Albania|||Tirana|Albanian
Bulgaria|||Sofia|Bulgarian
Mongolia|||Ulaanbaatar,Ulan Bator|Mongolian
Vietnam||Viet Nam|Hanoi|Vietnamese,North Vietnamese
South Vietnam||Republic of Vietnam|Saigon|South Vietnamese
Cambodia||Kampuchea|Phnom Penh|Cambodian
Laos|||Vientiane|Laotian
Thailand||Siam|Bangkok|Thai
Burma||Myanmar|Rangoon,Yangon|Burmese
Indonesia|||Jakarta|Indonesian
Philippines|||Manila|Philippine,Filipino
Malaysia|||Kuala Lumpur|Malaysian
Singapore||||Singaporean
India|||New Delhi|Indian
Pakistan|||Islamabad|Pakistani
Bangladesh|||Dhaka|Bangladeshi
Afghanistan|||Kabul|Afghan
Iran||Persia|Tehran|Iranian
Iraq|||Baghdad|Iraqi
Syria|||Damascus|Syrian
Israel||||Israeli
Egypt|||Cairo|Egyptian
Turkey|||Ankara|Turkish
Ottoman Empire|||Constantinople|Ottoman
Saudi Arabia|||Riyadh|Saudi
Lebanon|||Beirut|Lebanese
Libya|||Tripoli|Libyan
Algeria|||Algiers|Algerian
Morocco|||Rabat|Moroccan
Ethiopia||Abyssinia|Addis Ababa|Ethiopian
Kenya|||Nairobi|Kenyan
Nigeria|||Abuja|Nigerian
South Africa|||Pretoria|South African
Cuba|||Havana|Cuban
Mexico|||Mexico City|Mexican
Canada|||Ottawa|Canadian
Brazil|||Brasília|Brazilian
Argentina|||Buenos Aires|Argentine,Argentinian
Chile|||Santiago|Chilean
Peru|||Lima|Peruvian
Venezuela|||Caracas|Venezuelan
Colombia|||Bogotá|Colombian
Nicaragua|||Managua|Nicaraguan
Australia|||Canberra|Australian
New Zealand|||Wellington|
Italy|||Rome|Italian
Spain|||Madrid|Spanish
Portugal|||Lisbon|Portuguese
Netherlands||Holland|Amsterdam,The Hague|Dutch
Belgium||||Belgian
Switzerland|||Bern|Swiss
Austria|||Vienna|Austrian
Austria-Hungary||Austro-Hungarian Empire||Austro-Hungarian
Prussia||||Prussian
Sweden|||Stockholm|Swedish
Norway|||Oslo|Norwegian
Denmark|||Copenhagen|Danish
Finland|||Helsinki|Finnish
Greece|||Athens|Greek
Ireland|||Dublin|Irish
Ukraine|||Kyiv,Kiev|Ukrainian
Belarus|||Minsk|Belarusian
Serbia||||Serbian
Vatican||Holy See||
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
      const [name, acronyms, names, capitals, demonyms] = line.split('|')
      return {
        name: (name ?? '').trim(),
        kind,
        acronyms: list(acronyms),
        names: list(names),
        capitals: list(capitals),
        demonyms: list(demonyms)
      }
    })
}

export const gazetteer: readonly GazetteerEntry[] = [
  ...parse(states, 'state'),
  ...parse(organisations, 'organisation')
]

/** Every surface form the gazetteer knows, with the entries it may stand for (capitals can be shared). */
export function gazetteerForms(): Map<string, GazetteerForm> {
  const forms = new Map<string, GazetteerForm>()
  for (const entry of gazetteer) {
    const add = (form: string, kind: 'name' | 'capital' | 'demonym'): void => {
      const known = forms.get(form)
      if (known) known.entries.push(entry)
      else forms.set(form, { entries: [entry], isCapital: kind === 'capital', isDemonym: kind === 'demonym' })
    }
    for (const form of [entry.name, ...entry.acronyms, ...entry.names]) add(form, 'name')
    for (const capital of entry.capitals) add(capital, 'capital')
    for (const demonym of entry.demonyms) add(demonym, 'demonym')
  }
  return forms
}
