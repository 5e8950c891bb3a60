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
  /** The years it existed, as [first, last] intervals (negative BC); empty when always. */
  years: Array<[number, number]>
}

/** A surface form of the gazetteer and what it may stand for. */
export interface GazetteerForm {
  entries: GazetteerEntry[]
  /** A capital: a metonym for its government, shared by entries at times (Moscow). */
  isCapital: boolean
  /** An adjective of nationality: a mention only where it qualifies a noun. */
  isDemonym: boolean
}

// name | acronyms | other names | capitals | demonyms | years — one entry a line, lists
// comma-separated. Years are `first..last` intervals (negative BC, an open end for "still"), so
// that a place is linked to a state only in a text about the state's time: Prague in a text of
// 1618 is Bohemia's capital, not Czechoslovakia's (founded 1918). Historical states
// (England, Persia, Athens, Bohemia, …) are here for texts of their time.
const states = `
North Korea|DPRK|Democratic People's Republic of Korea|Pyongyang|North Korean|1948..
South Korea|ROK|Republic of Korea|Seoul|South Korean|1948..
Korea||||Korean|
China|PRC|People's Republic of China,Communist China,Red China,Mainland China|Beijing,Peking|Chinese|
Taiwan|ROC|Republic of China,Nationalist China,Formosa|Taipei|Taiwanese|1912..
United States|US,U.S.,USA,U.S.A.|United States of America,America|Washington|American|1776..
Russia||Russian Federation|Moscow|Russian|1547..
Soviet Union|USSR,U.S.S.R.|Union of Soviet Socialist Republics|Moscow|Soviet|1922..1991
Japan|||Tokyo|Japanese|
United Kingdom|UK,U.K.|Great Britain,Britain|London|British|1707..
France|||Paris|French|
Germany|||Berlin|German|1871..
West Germany|FRG|Federal Republic of Germany|Bonn|West German|1949..1990
East Germany|GDR|German Democratic Republic|East Berlin|East German|1949..1990
Poland|||Warsaw|Polish|1025..1795,1918..
Romania||Rumania|Bucharest|Romanian,Rumanian|1859..
Hungary|||Budapest|Hungarian|1000..
Czechoslovakia|||Prague|Czechoslovak,Czechoslovakian|1918..1992
Yugoslavia|||Belgrade|Yugoslav,Yugoslavian|1918..2003
Albania|||Tirana|Albanian|1912..
Bulgaria|||Sofia|Bulgarian|1878..
Mongolia|||Ulaanbaatar,Ulan Bator|Mongolian|1911..
Vietnam||Viet Nam|Hanoi|Vietnamese,North Vietnamese|
South Vietnam||Republic of Vietnam|Saigon|South Vietnamese|1955..1975
Cambodia||Kampuchea|Phnom Penh|Cambodian|
Laos|||Vientiane|Laotian|
Thailand||Siam|Bangkok|Thai|
Burma||Myanmar|Rangoon,Yangon|Burmese|
Indonesia|||Jakarta|Indonesian|1945..
Philippines|||Manila|Philippine,Filipino|1898..
Malaysia|||Kuala Lumpur|Malaysian|1963..
Singapore||||Singaporean|1965..
India|||New Delhi|Indian|1947..
Pakistan|||Islamabad|Pakistani|1947..
Bangladesh|||Dhaka|Bangladeshi|1971..
Afghanistan|||Kabul|Afghan|1747..
Iran|||Tehran|Iranian|1935..
Iraq|||Baghdad|Iraqi|1932..
Syria|||Damascus|Syrian|1946..
Israel||||Israeli|1948..
Egypt|||Cairo|Egyptian|
Turkey|||Ankara|Turkish|1923..
Ottoman Empire|||Constantinople|Ottoman|1299..1922
Saudi Arabia|||Riyadh|Saudi|1932..
Lebanon|||Beirut|Lebanese|1943..
Libya|||Tripoli|Libyan|1951..
Algeria|||Algiers|Algerian|1962..
Morocco|||Rabat|Moroccan|
Ethiopia||Abyssinia|Addis Ababa|Ethiopian|
Kenya|||Nairobi|Kenyan|1963..
Nigeria|||Abuja|Nigerian|1960..
South Africa|||Pretoria|South African|1910..
Cuba|||Havana|Cuban|1902..
Mexico|||Mexico City|Mexican|1821..
Canada|||Ottawa|Canadian|1867..
Brazil|||Brasília|Brazilian|1822..
Argentina|||Buenos Aires|Argentine,Argentinian|1816..
Chile|||Santiago|Chilean|1818..
Peru|||Lima|Peruvian|1821..
Venezuela|||Caracas|Venezuelan|1811..
Colombia|||Bogotá|Colombian|1810..
Nicaragua|||Managua|Nicaraguan|1821..
Australia|||Canberra|Australian|1901..
New Zealand|||Wellington||1907..
Italy|||Rome|Italian|1861..
Spain|||Madrid|Spanish|1479..
Portugal|||Lisbon|Portuguese|1139..
Netherlands||Holland|Amsterdam,The Hague|Dutch|1581..
Belgium||||Belgian|1830..
Switzerland|||Bern|Swiss|1291..
Austria|||Vienna|Austrian|976..
Austria-Hungary||Austro-Hungarian Empire||Austro-Hungarian|1867..1918
Prussia||||Prussian|1525..1947
Sweden|||Stockholm|Swedish|
Norway|||Oslo|Norwegian|
Denmark|||Copenhagen|Danish|
Finland|||Helsinki|Finnish|1917..
Greece|||Athens|Greek|1832..
Ireland|||Dublin|Irish|1922..
Ukraine|||Kyiv,Kiev|Ukrainian|1991..
Belarus|||Minsk|Belarusian|1991..
Serbia||||Serbian|
Vatican||Holy See|||1929..
England||Kingdom of England|London|English|927..1707
Scotland||Kingdom of Scotland|Edinburgh|Scottish|843..1707
Persia||Persian Empire,Achaemenid Empire|Persepolis|Persian|-550..1935
Athens||||Athenian|-800..-86
Sparta||||Spartan|-900..-192
Macedon||Macedonia||Macedonian|-808..-168
Carthage||||Carthaginian|-814..-146
Rome||Roman Republic,Roman Empire|||-753..476
Byzantine Empire||Eastern Roman Empire|Constantinople|Byzantine|330..1453
Holy Roman Empire|||||800..1806
Bohemia||Kingdom of Bohemia|Prague|Bohemian|1198..1918
Papal States|||Rome|Papal|754..1870
Venice||Republic of Venice||Venetian|697..1797
Mongol Empire||||Mongol|1206..1368
Mughal Empire||||Mughal|1526..1857
`

const organisations = `
United Nations|UN,U.N.||||1945..
North Atlantic Treaty Organization|NATO|North Atlantic Treaty Organisation|||1949..
European Union|EU||||1993..
European Economic Community|EEC||||1957..1993
Warsaw Pact||Warsaw Treaty Organization|||1955..1991
League of Nations|||||1920..1946
World Bank|||||1944..
International Monetary Fund|IMF||||1944..
World Trade Organization|WTO|World Trade Organisation|||1995..
Association of Southeast Asian Nations|ASEAN||||1967..
Organization of the Petroleum Exporting Countries|OPEC||||1960..
Organization of American States|OAS||||1948..
Comintern||Communist International|||1919..1943
International Committee of the Red Cross|ICRC|Red Cross|||1863..
Central Intelligence Agency|CIA||||1947..
KGB|||||1954..1991
Non-Aligned Movement|NAM||||1961..
Chinese Communist Party|CCP,CPC|Communist Party of China|||1921..
Communist Party of the Soviet Union|CPSU||||1912..1991
Workers' Party of Korea|KWP,WPK|Korean Workers' Party|||1949..
Kuomintang|KMT||||1919..
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
      const [name, acronyms, names, capitals, demonyms, years] = line.split('|')
      return {
        name: (name ?? '').trim(),
        kind,
        acronyms: list(acronyms),
        names: list(names),
        capitals: list(capitals),
        demonyms: list(demonyms),
        years: list(years).map((interval): [number, number] => {
          const [first, last] = interval.split('..')
          return [first ? Number(first) : -Infinity, last ? Number(last) : Infinity]
        })
      }
    })
}

export const gazetteer: readonly GazetteerEntry[] = [
  ...parse(states, 'state'),
  ...parse(organisations, 'organisation')
]

/** True when the entry existed at some time within the years [first, last]. */
export function existedWithin(entry: GazetteerEntry, first: number, last: number): boolean {
  return entry.years.length === 0 || entry.years.some(([from, to]) => from <= last && to >= first)
}

/**
 * Every surface form the gazetteer knows, with the entries it may stand for (capitals can be
 * shared). Given the years a text speaks of, only entries that existed then are known: elsewhere
 * their names and capitals stand as themselves.
 */
export function gazetteerForms(years?: { first: number; last: number }): Map<string, GazetteerForm> {
  const forms = new Map<string, GazetteerForm>()
  for (const entry of gazetteer) {
    if (years && !existedWithin(entry, years.first, years.last)) continue
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
