import { normalizeForSearch } from '../../src/domain/text/normalize-search';
import { uuidv7 } from '../../src/server/platform/db/uuid';

/**
 * Deterministic, realistic-looking 得意先 rows: company names built from common surnames and
 * place/brand words plus a line of business, some individuals, Zipf-like popularity so kana
 * prefixes have the uneven selectivity of a real customer master.
 */

export interface GeneratedCustomer {
  customerId: string;
  code: string;
  name: string;
  kana: string;
  shortName: string;
  honorific: '御中' | '様';
  postalCode: string;
  address1: string;
  address2: string;
  phone: string;
  fax: string;
  email: string;
  notes: string;
  isActive: boolean;
  searchName: string;
  searchKana: string;
}

type Word = readonly [kanji: string, kana: string];

/** Roughly in order of frequency; the Zipf weights below favour the first ones. */
const cores: readonly Word[] = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['日本', 'ニホン'],
  ['佐々木', 'ササキ'],
  ['山口', 'ヤマグチ'],
  ['松本', 'マツモト'],
  ['東洋', 'トウヨウ'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['大和', 'ヤマト'],
  ['斎藤', 'サイトウ'],
  ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'],
  ['富士', 'フジ'],
  ['森', 'モリ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['中央', 'チュウオウ'],
  ['山下', 'ヤマシタ'],
  ['中島', 'ナカジマ'],
  ['石井', 'イシイ'],
  ['小川', 'オガワ'],
  ['前田', 'マエダ'],
  ['岡田', 'オカダ'],
  ['長谷川', 'ハセガワ'],
  ['藤田', 'フジタ'],
  ['後藤', 'ゴトウ'],
  ['近藤', 'コンドウ'],
  ['村上', 'ムラカミ'],
  ['三和', 'サンワ'],
  ['遠藤', 'エンドウ'],
  ['青木', 'アオキ'],
  ['坂本', 'サカモト'],
  ['太平洋', 'タイヘイヨウ'],
  ['斉藤', 'サイトウ'],
  ['福田', 'フクダ'],
  ['太田', 'オオタ'],
  ['西村', 'ニシムラ'],
  ['藤井', 'フジイ'],
  ['東海', 'トウカイ'],
  ['金子', 'カネコ'],
  ['岡本', 'オカモト'],
  ['藤原', 'フジワラ'],
  ['中野', 'ナカノ'],
  ['三浦', 'ミウラ'],
  ['関西', 'カンサイ'],
  ['原田', 'ハラダ'],
  ['松田', 'マツダ'],
  ['竹内', 'タケウチ'],
  ['九州', 'キュウシュウ'],
  ['小野', 'オノ'],
  ['北海', 'ホッカイ'],
  ['アサヒ', 'アサヒ'],
  ['ミライ', 'ミライ'],
  ['サンライズ', 'サンライズ'],
  ['グリーン', 'グリーン'],
  ['和田', 'ワダ'],
  ['内田', 'ウチダ'],
  ['野村', 'ノムラ'],
  ['菊地', 'キクチ'],
  ['上野', 'ウエノ'],
  ['丸山', 'マルヤマ'],
  ['千葉', 'チバ'],
  ['増田', 'マスダ'],
  ['平野', 'ヒラノ'],
  ['大野', 'オオノ'],
  ['新日本', 'シンニホン'],
];

const businesses: readonly Word[] = [
  ['商事', 'ショウジ'],
  ['工業', 'コウギョウ'],
  ['建設', 'ケンセツ'],
  ['物産', 'ブッサン'],
  ['電機', 'デンキ'],
  ['食品', 'ショクヒン'],
  ['産業', 'サンギョウ'],
  ['運輸', 'ウンユ'],
  ['製作所', 'セイサクショ'],
  ['商店', 'ショウテン'],
  ['興業', 'コウギョウ'],
  ['不動産', 'フドウサン'],
  ['印刷', 'インサツ'],
  ['精機', 'セイキ'],
  ['化学', 'カガク'],
  ['設計', 'セッケイ'],
  ['技研', 'ギケン'],
  ['通商', 'ツウショウ'],
  ['薬品', 'ヤクヒン'],
  ['電設', 'デンセツ'],
  ['工務店', 'コウムテン'],
  ['鉄工所', 'テッコウショ'],
  ['繊維', 'センイ'],
  ['水産', 'スイサン'],
  ['造園', 'ゾウエン'],
  ['運送', 'ウンソウ'],
  ['観光', 'カンコウ'],
  ['システム', 'システム'],
  ['ソリューションズ', 'ソリューションズ'],
  ['ホールディングス', 'ホールディングス'],
];

/** Optional middle words (about half the companies carry one) make most names distinct. */
const qualifiers: readonly Word[] = [
  ['東京', 'トウキョウ'],
  ['大阪', 'オオサカ'],
  ['総合', 'ソウゴウ'],
  ['第一', 'ダイイチ'],
  ['テクノ', 'テクノ'],
  ['メディカル', 'メディカル'],
  ['国際', 'コクサイ'],
  ['精密', 'セイミツ'],
  ['建材', 'ケンザイ'],
  ['電子', 'デンシ'],
  ['機械', 'キカイ'],
  ['光学', 'コウガク'],
  ['環境', 'カンキョウ'],
  ['情報', 'ジョウホウ'],
  ['物流', 'ブツリュウ'],
  ['住宅', 'ジュウタク'],
  ['農産', 'ノウサン'],
  ['医療', 'イリョウ'],
  ['金属', 'キンゾク'],
  ['紙工', 'シコウ'],
  ['工芸', 'コウゲイ'],
  ['土木', 'ドボク'],
  ['開発', 'カイハツ'],
  ['企画', 'キカク'],
  ['北陸', 'ホクリク'],
  ['湘南', 'ショウナン'],
  ['ライフ', 'ライフ'],
  ['フーズ', 'フーズ'],
  ['エンジニアリング', 'エンジニアリング'],
  ['トレーディング', 'トレーディング'],
  ['プラント', 'プラント'],
  ['ネット', 'ネット'],
  ['サービス', 'サービス'],
  ['ケミカル', 'ケミカル'],
  ['パック', 'パック'],
  ['ホーム', 'ホーム'],
  ['興産', 'コウサン'],
  ['交通', 'コウツウ'],
  ['通信', 'ツウシン'],
  ['製菓', 'セイカ'],
];

const givenNames: readonly Word[] = [
  ['太郎', 'タロウ'],
  ['花子', 'ハナコ'],
  ['一郎', 'イチロウ'],
  ['健', 'ケン'],
  ['陽子', 'ヨウコ'],
  ['誠', 'マコト'],
  ['美咲', 'ミサキ'],
  ['大輔', 'ダイスケ'],
  ['直樹', 'ナオキ'],
  ['由美', 'ユミ'],
  ['翔太', 'ショウタ'],
  ['裕子', 'ユウコ'],
];

const places: readonly (readonly [
  prefecture: string,
  city: string,
  postal: string,
  area: string,
])[] = [
  ['東京都', '千代田区丸の内', '100', '03'],
  ['東京都', '港区芝浦', '108', '03'],
  ['東京都', '大田区蒲田', '144', '03'],
  ['神奈川県', '横浜市西区', '220', '045'],
  ['埼玉県', 'さいたま市大宮区', '330', '048'],
  ['千葉県', '千葉市中央区', '260', '043'],
  ['愛知県', '名古屋市中村区', '450', '052'],
  ['大阪府', '大阪市北区', '530', '06'],
  ['大阪府', '東大阪市', '577', '06'],
  ['京都府', '京都市下京区', '600', '075'],
  ['兵庫県', '神戸市中央区', '650', '078'],
  ['福岡県', '福岡市博多区', '812', '092'],
  ['北海道', '札幌市中央区', '060', '011'],
  ['宮城県', '仙台市青葉区', '980', '022'],
  ['広島県', '広島市中区', '730', '082'],
  ['静岡県', '浜松市中央区', '430', '053'],
];

const notes = [
  '',
  '',
  '',
  '',
  '',
  '',
  '締日: 20日',
  '月末締め翌月末払い',
  '要事前連絡',
  '請求書は郵送',
];

/** mulberry32: tiny, fast and good enough to make the data reproducible run to run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function zipfPicker<T>(items: readonly T[], exponent: number): (random: number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  items.forEach((_, index) => {
    sum += 1 / (index + 1) ** exponent;
    cumulative.push(sum);
  });
  return (random) => {
    const target = random * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return items[low]!;
  };
}

function pick<T>(items: readonly T[], random: number): T {
  return items[Math.floor(random * items.length)]!;
}

function digits(random: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += Math.floor(random() * 10);
  return text;
}

export function generateCustomers(
  count: number,
  seed: number,
  codePrefix = 'C',
): GeneratedCustomer[] {
  const random = createRandom(seed);
  const pickCore = zipfPicker(cores, 0.8);
  const pickBusiness = zipfPicker(businesses, 0.6);
  const baseTime = Date.UTC(2024, 0, 1);
  const rows: GeneratedCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const [coreKanji, coreKana] = pickCore(random());
    const individual = random() < 0.1;
    let name: string;
    let kana: string;
    let shortName: string;
    if (individual) {
      const [given, givenKana] = pick(givenNames, random());
      name = `${coreKanji} ${given}`;
      kana = `${coreKana} ${givenKana}`;
      shortName = coreKanji;
    } else {
      const [business, businessKana] = pickBusiness(random());
      const [qualifier, qualifierKana] = random() < 0.5 ? pick(qualifiers, random()) : ['', ''];
      const form = random();
      const body = `${coreKanji}${qualifier}${business}`;
      name =
        form < 0.6
          ? `株式会社${body}`
          : form < 0.85
            ? `${body}株式会社`
            : form < 0.95
              ? `有限会社${body}`
              : `合同会社${body}`;
      kana = `${coreKana}${qualifierKana}${businessKana}`;
      shortName = body;
    }
    const [prefecture, city, postal, area] = pick(places, random());
    const code = `${codePrefix}${String(i + 1).padStart(6, '0')}`;
    rows.push({
      customerId: uuidv7(baseTime + i * 1000),
      code,
      name,
      kana,
      shortName,
      honorific: individual ? '様' : '御中',
      postalCode: `${postal}-${digits(random, 4)}`,
      address1: `${prefecture}${city}${1 + Math.floor(random() * 9)}丁目`,
      address2:
        random() < 0.5
          ? `${1 + Math.floor(random() * 30)}-${1 + Math.floor(random() * 20)}`
          : `${1 + Math.floor(random() * 30)}-${1 + Math.floor(random() * 20)} ${coreKanji}ビル${1 + Math.floor(random() * 9)}階`,
      phone: `${area}-${digits(random, 6 - area.length)}-${digits(random, 4)}`,
      fax: random() < 0.6 ? `${area}-${digits(random, 6 - area.length)}-${digits(random, 4)}` : '',
      email: random() < 0.4 ? `${code.toLowerCase()}@example.jp` : '',
      notes: pick(notes, random()),
      isActive: random() >= 0.05,
      searchName: normalizeForSearch(name),
      searchKana: normalizeForSearch(kana),
    });
  }
  return rows;
}

/**
 * Search keys as a user would type them into the list's kana box: taken from real rows (so
 * popular names are searched more often), a quarter each cut to 1, 2 and 3 characters and a
 * quarter the whole フリガナ (looking one customer up by name).
 */
export function pickPrefixes(
  rows: readonly GeneratedCustomer[],
  count: number,
  seed: number,
): string[] {
  const random = createRandom(seed);
  const lengths = [1, 2, 3, Number.POSITIVE_INFINITY];
  const prefixes: string[] = [];
  for (let attempt = 0; prefixes.length < count && attempt < count * 100; attempt++) {
    const row = rows[Math.floor(random() * rows.length)]!;
    const length = lengths[prefixes.length % lengths.length]!;
    const prefix = [...row.searchKana].slice(0, length).join('').trimEnd();
    if (!prefixes.includes(prefix)) prefixes.push(prefix);
  }
  return prefixes;
}

/** How many active rows a prefix matches: the count the API reports and the work it implies. */
export function countMatches(rows: readonly GeneratedCustomer[], prefix: string): number {
  let matches = 0;
  for (const row of rows) if (row.isActive && row.searchKana.startsWith(prefix)) matches++;
  return matches;
}
