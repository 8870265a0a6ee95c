import { randomFor } from './random';

/** Name and address conventions shared by a group of countries. */
interface Region {
  firstNames: readonly string[];
  lastNames: readonly string[];
  streets: readonly string[];
  /** House number before the street ("12 Station Road") or after it ("Hauptstraße 12"). */
  numberFirst: boolean;
}

const REGIONS = {
  british: {
    firstNames: ['Ann', 'Oliver', 'Emily', 'James', 'Sophie', 'Harry', 'Grace', 'Jack', 'Chloe', 'George', 'Lucy', 'Thomas', 'Megan', 'William', 'Ellie', 'Daniel', 'Hannah', 'Samuel', 'Ruth', 'Patrick'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Walker', 'Wright', 'Hughes', 'Green', 'Hall', 'Clarke', 'Turner', 'Murphy', 'Kelly', 'Harris', 'Wood', 'Baker', 'Price'],
    streets: ['Station Road', 'High Street', 'Church Lane', 'Victoria Road', 'Mill Lane', 'Park Avenue', 'Queen Street', 'The Green', 'Manor Way', 'Orchard Close'],
    numberFirst: true,
  },
  german: {
    firstNames: ['Anna', 'Lukas', 'Lena', 'Felix', 'Marie', 'Jonas', 'Sophie', 'Paul', 'Laura', 'Leon', 'Julia', 'Tobias', 'Katrin', 'Matthias', 'Sabine', 'Stefan'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Koch', 'Richter', 'Wolf', 'Huber', 'Keller', 'Graf', 'Brunner'],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenstraße', 'Schulstraße', 'Lindenweg', 'Dorfstraße', 'Bergstraße', 'Kirchgasse'],
    numberFirst: false,
  },
  french: {
    firstNames: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Jules', 'Manon', 'Arthur', 'Claire', 'Nicolas', 'Élodie', 'Julien', 'Inès', 'Mathieu'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Janssens'],
    streets: ['Rue de la Paix', 'Rue Victor Hugo', 'Avenue des Tilleuls', 'Rue du Moulin', 'Rue de l’Église', 'Boulevard Voltaire', 'Rue des Écoles'],
    numberFirst: true,
  },
  nordic: {
    firstNames: ['Ingrid', 'Lars', 'Sofie', 'Erik', 'Astrid', 'Magnus', 'Freja', 'Anders', 'Sigrid', 'Jonas', 'Maja', 'Henrik', 'Aino', 'Gunnar'],
    lastNames: ['Hansen', 'Johansson', 'Nielsen', 'Larsen', 'Andersson', 'Olsen', 'Karlsson', 'Berg', 'Lindqvist', 'Virtanen', 'Jónsson', 'Dahl', 'Nyström', 'Holm'],
    streets: ['Storgata', 'Kirkeveien', 'Skolegata', 'Strandvägen', 'Havnegade', 'Kungsgatan', 'Aleksanterinkatu', 'Laugavegur'],
    numberFirst: false,
  },
  southern: {
    firstNames: ['Maria', 'João', 'Sofia', 'Marco', 'Lucía', 'Pedro', 'Giulia', 'Andreas', 'Elena', 'Carlos', 'Ana', 'Luca', 'Eleni', 'Miguel'],
    lastNames: ['Silva', 'Santos', 'García', 'Rossi', 'Fernández', 'Costa', 'Russo', 'Georgiou', 'Pereira', 'López', 'Bianchi', 'Martínez', 'Ferreira', 'Christou'],
    streets: ['Rua das Flores', 'Calle Mayor', 'Via Roma', 'Avenida da Liberdade', 'Calle del Sol', 'Via Garibaldi', 'Makariou Avenue'],
    numberFirst: false,
  },
  eastern: {
    firstNames: ['Agnieszka', 'Tomas', 'Ona', 'Piotr', 'Rasa', 'Marek', 'Jurgita', 'Paweł', 'Eglė', 'Katarzyna', 'Noa', 'Yosef', 'Layla', 'Omar'],
    lastNames: ['Kowalski', 'Kazlauskas', 'Nowak', 'Petrauskas', 'Wiśniewski', 'Jankauskas', 'Lewandowska', 'Cohen', 'Levi', 'Al-Khalifa', 'Haddad', 'Mizrahi'],
    streets: ['ul. Długa', 'Gedimino pr.', 'ul. Kwiatowa', 'Vilniaus g.', 'Herzl Street', 'Road 1701'],
    numberFirst: false,
  },
  japanese: {
    firstNames: ['Yuki', 'Haruto', 'Sakura', 'Ren', 'Aoi', 'Sota', 'Hina', 'Kenji', 'Mei', 'Takumi'],
    lastNames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
    streets: ['Chuo-dori', 'Sakura-dori', 'Aoyama-dori', 'Meiji-dori'],
    numberFirst: true,
  },
} as const satisfies Record<string, Region>;

/** What the demo shop knows of a country: its convention, towns, postcode shape and locale. */
interface CountryFacts {
  region: keyof typeof REGIONS;
  towns: readonly string[];
  /** `9` is a digit, `A` a capital letter; everything else is kept. */
  postcode: string;
  locale: string | null;
}

/** The countries of the UCI Online Retail data; others fall back to {@link FALLBACK_COUNTRY}. */
const COUNTRIES: Readonly<Record<string, CountryFacts>> = {
  'United Kingdom': { region: 'british', towns: ['London', 'Manchester', 'Leeds', 'Bristol', 'York', 'Norwich', 'Brighton', 'Bath', 'Cardiff', 'Glasgow'], postcode: 'AA9 9AA', locale: 'en-GB' },
  'Channel Islands': { region: 'british', towns: ['St Helier', 'St Peter Port'], postcode: 'JE9 9AA', locale: 'en-GB' },
  EIRE: { region: 'british', towns: ['Dublin', 'Cork', 'Galway', 'Limerick'], postcode: 'A99 A9A9', locale: 'en-IE' },
  Australia: { region: 'british', towns: ['Sydney', 'Melbourne', 'Brisbane', 'Perth'], postcode: '9999', locale: 'en-AU' },
  Germany: { region: 'german', towns: ['Berlin', 'Hamburg', 'München', 'Köln', 'Freiburg'], postcode: '99999', locale: 'de-DE' },
  Austria: { region: 'german', towns: ['Wien', 'Graz', 'Salzburg'], postcode: '9999', locale: 'de-AT' },
  Switzerland: { region: 'german', towns: ['Zürich', 'Bern', 'Basel', 'Luzern'], postcode: '9999', locale: 'de-CH' },
  France: { region: 'french', towns: ['Paris', 'Lyon', 'Nantes', 'Lille', 'Bordeaux'], postcode: '99999', locale: 'fr-FR' },
  Belgium: { region: 'french', towns: ['Bruxelles', 'Liège', 'Namur', 'Gent'], postcode: '9999', locale: 'fr-BE' },
  Netherlands: { region: 'german', towns: ['Amsterdam', 'Utrecht', 'Rotterdam'], postcode: '9999 AA', locale: 'nl-NL' },
  Norway: { region: 'nordic', towns: ['Oslo', 'Bergen', 'Trondheim'], postcode: '9999', locale: 'nb-NO' },
  Sweden: { region: 'nordic', towns: ['Stockholm', 'Göteborg', 'Uppsala'], postcode: '999 99', locale: 'sv-SE' },
  Denmark: { region: 'nordic', towns: ['København', 'Aarhus', 'Odense'], postcode: '9999', locale: 'da-DK' },
  Finland: { region: 'nordic', towns: ['Helsinki', 'Tampere', 'Turku'], postcode: '99999', locale: 'fi-FI' },
  Iceland: { region: 'nordic', towns: ['Reykjavík', 'Akureyri'], postcode: '999', locale: 'is-IS' },
  Portugal: { region: 'southern', towns: ['Lisboa', 'Porto', 'Coimbra'], postcode: '9999-999', locale: 'pt-PT' },
  Spain: { region: 'southern', towns: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla'], postcode: '99999', locale: 'es-ES' },
  Italy: { region: 'southern', towns: ['Roma', 'Milano', 'Firenze', 'Torino'], postcode: '99999', locale: 'it-IT' },
  Cyprus: { region: 'southern', towns: ['Nicosia', 'Limassol', 'Larnaca'], postcode: '9999', locale: 'el-CY' },
  Lithuania: { region: 'eastern', towns: ['Vilnius', 'Kaunas', 'Klaipėda'], postcode: 'LT-99999', locale: 'lt-LT' },
  Poland: { region: 'eastern', towns: ['Warszawa', 'Kraków', 'Gdańsk'], postcode: '99-999', locale: 'pl-PL' },
  Israel: { region: 'eastern', towns: ['Tel Aviv', 'Haifa', 'Jerusalem'], postcode: '9999999', locale: 'he-IL' },
  Bahrain: { region: 'eastern', towns: ['Manama', 'Muharraq'], postcode: '999', locale: 'ar-BH' },
  Japan: { region: 'japanese', towns: ['Tokyo', 'Osaka', 'Kyoto', 'Yokohama'], postcode: '999-9999', locale: 'ja-JP' },
};

const FALLBACK_COUNTRY: CountryFacts = { region: 'british', towns: ['Springfield', 'Riverside'], postcode: '99999', locale: null };

/** A generated identity for a real customer id. */
export interface CustomerIdentity {
  name: string;
  /** On the reserved `example.com` domain, so no real inbox is ever named. */
  emailLocalPart: string;
  address: string;
  locale: string | null;
}

/** "Zoë Lefèvre" → "zoe.lefevre": letters a mail system accepts everywhere. */
function mailbox(first: string, last: string): string {
  const fold = (text: string): string =>
    text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ø/g, 'o').replace(/[^a-z0-9]+/g, '');
  return `${fold(first)}.${fold(last)}`;
}

function postcode(pattern: string, random: ReturnType<typeof randomFor>): string {
  return pattern.replace(/[9A]/g, (slot) => (slot === '9' ? String(random.int(0, 9)) : String.fromCharCode(65 + random.int(0, 25))));
}

/**
 * A plausible name, mailbox and postal address for a customer, from their id and country
 * (seeded by the id: the same customer always gets the same identity). Mailboxes can collide;
 * the caller makes them unique.
 */
export function customerIdentity(customerId: string, country: string): CustomerIdentity {
  const facts = COUNTRIES[country] ?? FALLBACK_COUNTRY;
  const region: Region = REGIONS[facts.region];
  const random = randomFor('customer', customerId);
  const first = random.pick(region.firstNames);
  const last = random.pick(region.lastNames);
  const street = random.pick(region.streets);
  const house = random.int(1, 120);
  const town = random.pick(facts.towns);
  const code = postcode(facts.postcode, random);
  const line1 = region.numberFirst ? `${house} ${street}` : `${street} ${house}`;
  const line2 = region.numberFirst ? `${town} ${code}` : `${code} ${town}`;
  return { name: `${first} ${last}`, emailLocalPart: mailbox(first, last), address: `${line1}, ${line2}, ${country}`, locale: facts.locale };
}

/** Which kind of delivery a country gets: the shop ships from the UK. */
export type ShippingZone = 'domestic' | 'europe' | 'world';

/** The shipping zone of a country name as the data writes it. */
export function shippingZone(country: string): ShippingZone {
  if (country === 'United Kingdom' || country === 'Channel Islands') return 'domestic';
  const region = COUNTRIES[country]?.region;
  if (region === 'japanese' || country === 'Australia' || country === 'Israel' || country === 'Bahrain' || region === undefined) return 'world';
  return 'europe';
}
