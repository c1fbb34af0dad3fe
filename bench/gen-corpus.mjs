#!/usr/bin/env node
// A deterministic multilingual news/blog corpus for `npm run bench`.
//
//   node bench/gen-corpus.mjs OUT_DIR N [--seed S] [--manifest FILE] [--public DIR]
//
// Writes N Markdown posts to OUT_DIR/<lang>/YYYY-MM-DD-slug.md: about 45% Korean, 45% Chinese and
// 10% English; 600–1,500 CJK characters or 400–900 English words each, with `##` headings, lists,
// links (some to other posts), images, a table, a code fence, tags and categories from small
// vocabularies, translation groups (ko + zh + en sharing a translationKey), a ```mermaid fence
// in about 10% of posts, and TeX math (an inline sentence and a display formula) in about 10%.
// Same N and seed → same bytes. No dependencies but sharp, for the images; no network at build time.
//
// The posts link 24 local images, /images/bench-1.jpg … bench-24.png; `generateImages(dir)` (or
// `--public DIR`, the site's public/ folder) writes them, 1600×900 each, always the same bytes.
//
// As a module: `generateCorpus(dir, n, { seed })` writes the files and returns the manifest
// (one entry per post: lang, file, slug, title, date, url, translationKey).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_SEED = 4000;

/** sfc32 seeded from a 32-bit integer via splitmix32: small, fast and the same everywhere. */
function prng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(), b = split(), c = split(), d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const some = (list, lo, hi) => {
    const pool = [...list];
    const out = [];
    for (let n = int(lo, hi); n > 0 && pool.length > 0; n--) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, some };
}

// ------------------------------------------------------------------------------------ vocabularies

const KO = {
  nouns: ['정부', '국회', '경제', '시장', '기업', '주가', '금리', '환율', '수출', '반도체', '인공지능', '데이터',
    '서비스', '플랫폼', '스타트업', '투자', '연구진', '대학', '학생', '교육', '기후', '날씨', '에너지', '전기차',
    '배터리', '도시', '지역', '주민', '정책', '예산', '선거', '외교', '회담', '축구', '야구', '선수', '감독', '영화',
    '드라마', '음악', '공연', '전시', '여행', '관광객', '병원', '의료진', '백신', '소비자', '물가', '부동산', '청년',
    '일자리', '개발자', '오픈소스', '보안', '클라우드', '스마트폰', '검색', '번역', '모델'],
  // Particles as [after a final consonant, after a vowel]: 은/는, 이/가, 을/를, 과/와, 으로/로.
  subjects: [['은', '는'], ['이', '가']],
  objects: [['을', '를']],
  places: [['에서', '에서'], ['에', '에'], ['으로', '로'], ['과', '와'], ['의', '의'], ['도', '도']],
  adverbs: ['올해', '최근', '오늘', '지난주', '다시', '크게', '빠르게', '조금씩', '처음으로', '함께', '결국', '여전히'],
  verbs: ['발표했다', '밝혔다', '전했다', '늘었다', '줄었다', '강조했다', '공개했다', '예상된다', '설명했다',
    '분석했다', '추진한다', '검토하고 있다', '확인됐다', '이어졌다', '주목받고 있다'],
  headings: ['배경', '무엇이 달라졌나', '현장의 목소리', '숫자로 보기', '전문가 분석', '남은 과제', '앞으로의 일정',
    '해외 사례', '쟁점 정리', '독자 질문'],
  tags: ['인공지능', '반도체', '기후', '선거', '부동산', '스타트업', '야구', '축구', '영화', '교육', '금리', '보안',
    '전기차', '여행', '건강'],
  categories: ['정치', '경제', '사회', '기술', '문화', '스포츠'],
  quote: ['라고 말했다', '고 덧붙였다'],
};

const ZH = {
  words: ['政府', '市场', '经济', '企业', '股价', '利率', '汇率', '出口', '芯片', '人工智能', '数据', '服务', '平台',
    '初创公司', '投资', '研究人员', '大学', '学生', '教育', '气候', '天气', '能源', '电动车', '电池', '城市', '地区',
    '居民', '政策', '预算', '选举', '外交', '会谈', '足球', '篮球', '球员', '教练', '电影', '音乐', '演出', '展览',
    '旅游', '游客', '医院', '医生', '疫苗', '消费者', '物价', '房地产', '年轻人', '就业', '开发者', '开源', '安全',
    '云计算', '手机', '搜索', '翻译', '模型'],
  links: ['今年', '最近', '今天', '上周', '再次', '大幅', '迅速', '逐步', '首次', '共同', '最终', '仍然', '已经', '正在'],
  verbs: ['宣布', '表示', '指出', '增长', '下降', '强调', '公布', '预计', '说明', '分析', '推进', '研究', '确认',
    '关注', '提高', '改善', '推出', '讨论'],
  joins: ['的', '和', '在', '对', '与', '将', '把'],
  headings: ['背景', '有哪些变化', '现场声音', '数字看点', '专家分析', '仍待解决的问题', '下一步安排', '海外经验',
    '争议焦点', '读者提问'],
  tags: ['人工智能', '芯片', '气候', '选举', '房地产', '创业', '篮球', '足球', '电影', '教育', '利率', '网络安全',
    '电动车', '旅游', '健康'],
  categories: ['政治', '经济', '社会', '科技', '文化', '体育'],
};

const EN = {
  nouns: ['government', 'market', 'economy', 'company', 'shares', 'rates', 'exports', 'chips', 'model', 'data',
    'service', 'platform', 'startup', 'investors', 'researchers', 'university', 'students', 'climate', 'energy',
    'battery', 'city', 'residents', 'policy', 'budget', 'election', 'talks', 'team', 'coach', 'film', 'festival',
    'tourists', 'hospital', 'doctors', 'vaccine', 'consumers', 'prices', 'housing', 'jobs', 'developers', 'security',
    'cloud', 'phone', 'search', 'translation', 'regulators', 'council', 'report', 'survey'],
  adjectives: ['new', 'early', 'large', 'small', 'local', 'national', 'open', 'quiet', 'rapid', 'careful', 'public',
    'recent', 'modest', 'sharp', 'steady'],
  verbs: ['announced', 'said', 'reported', 'rose', 'fell', 'stressed', 'released', 'expects', 'explained',
    'analysed', 'plans', 'is reviewing', 'confirmed', 'continued', 'is watching', 'changed', 'improved'],
  glue: ['the', 'a', 'this', 'that', 'its', 'their', 'our'],
  preps: ['in', 'on', 'for', 'with', 'after', 'before', 'across', 'over', 'under', 'about'],
  headings: ['Background', 'What changed', 'Voices from the ground', 'By the numbers', 'Analysis', 'Open questions',
    'What comes next', 'Abroad', 'The debate', 'Reader questions'],
  tags: ['ai', 'semiconductors', 'climate', 'elections', 'housing', 'startups', 'baseball', 'football', 'film',
    'education', 'interest-rates', 'security', 'electric-vehicles', 'travel', 'health'],
  categories: ['Politics', 'Economy', 'Society', 'Tech', 'Culture', 'Sports'],
};

const SLUG_WORDS = ['market', 'chip', 'ai', 'climate', 'vote', 'housing', 'startup', 'baseball', 'football', 'film',
  'school', 'rates', 'security', 'ev', 'travel', 'health', 'budget', 'summit', 'cloud', 'phone', 'search', 'energy',
  'city', 'report', 'survey', 'festival', 'jobs', 'prices', 'exports', 'talks'];

const CODE_SAMPLES = [
  ['ts', 'interface Story {\n  id: string;\n  title: string;\n  tags: string[];\n}\n\nexport function byTag(stories: Story[], tag: string): Story[] {\n  return stories.filter((s) => s.tags.includes(tag));\n}'],
  ['js', "const res = await fetch('/api/headlines?lang=ko');\nconst items = await res.json();\nfor (const item of items.slice(0, 5)) {\n  console.log(`${item.date} ${item.title}`);\n}"],
  ['python', 'import csv\n\nwith open("turnout.csv", encoding="utf-8") as f:\n    rows = list(csv.DictReader(f))\n\ntotal = sum(int(r["votes"]) for r in rows)\nprint(f"{total:,} votes in {len(rows)} districts")'],
  ['bash', 'curl -s https://example.com/feed.xml \\\n  | grep -o "<title>[^<]*" \\\n  | head -n 10'],
  ['sql', 'SELECT region, AVG(price) AS avg_price\nFROM listings\nWHERE listed_at >= DATE \'2024-01-01\'\nGROUP BY region\nORDER BY avg_price DESC;'],
  ['json', '{\n  "city": "Seoul",\n  "pm25": 31,\n  "updated": "2024-05-14T09:00:00+09:00"\n}'],
];

const MERMAID_SAMPLES = [
  'flowchart LR\n    A[Draft] --> B{Review}\n    B -->|ok| C[Publish]\n    B -->|changes| A\n    C --> D[(Archive)]',
  'sequenceDiagram\n    participant R as Reporter\n    participant E as Editor\n    R->>E: first draft\n    E-->>R: questions\n    R->>E: revised draft\n    E->>E: fact check',
  'pie title Sources\n    "Agencies" : 42\n    "Own reporting" : 38\n    "Readers" : 20',
  'flowchart TD\n    S[Survey] --> Q1{Online?}\n    Q1 -->|yes| W[Web panel]\n    Q1 -->|no| P[Phone]\n    W --> R[Results]\n    P --> R',
];

// Formulas for the posts with math: an inline sentence per language and a display block (some as
// a ```math fence), the way technical posts mix them.
const MATH_INLINE = {
  ko: ['수익률은 $r = \\frac{P_1 - P_0}{P_0}$ 로 계산하고, 변동성은 $\\sigma = \\sqrt{\\operatorname{Var}(r)}$ 로 잰다.',
    '표본이 $n \\ge 30$ 이면 평균 $\\bar{x}$ 는 정규분포에 가깝다.'],
  zh: ['增长率按 $g = \\ln(x_t / x_{t-1})$ 计算，误差约为 $\\pm 1.96\\,\\sigma / \\sqrt{n}$。',
    '当 $p < 0.05$ 时，我们认为 $H_0$ 被拒绝。'],
  en: ['The rate is $r = \\frac{P_1 - P_0}{P_0}$, and its spread $\\sigma = \\sqrt{\\operatorname{Var}(r)}$.',
    'With $n \\ge 30$ samples the mean $\\bar{x}$ is close to normal.'],
};
const MATH_DISPLAY = [
  '$$\n\\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i, \\quad s^2 = \\frac{1}{n-1} \\sum_{i=1}^{n} (x_i - \\bar{x})^2\n$$',
  '$$\nP(A \\mid B) = \\frac{P(B \\mid A)\\,P(A)}{P(B)}\n$$',
  '```math\n\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}\n```',
  '\\[\n\\hat{f}(\\xi) = \\int_{-\\infty}^{\\infty} f(x)\\, e^{-2\\pi i x \\xi}\\, dx\n\\]',
];

// --------------------------------------------------------------------------------------- sentences

/** `word` + the particle form that fits its last syllable (batchim or not). */
function particle(word, forms) {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  const batchim = code >= 0 && code < 11172 && code % 28 !== 0;
  return word + (batchim ? forms[0] : forms[1]);
}

function koSentence(r) {
  const parts = [];
  if (r.chance(0.5)) parts.push(r.pick(KO.adverbs));
  parts.push(particle(r.pick(KO.nouns), r.pick(KO.subjects)));
  if (r.chance(0.6)) parts.push(particle(r.pick(KO.nouns), r.pick(KO.places)));
  if (r.chance(0.7)) parts.push(particle(r.pick(KO.nouns), r.pick(KO.objects)));
  if (r.chance(0.3)) parts.push(`${r.int(2, 98)}%`);
  parts.push(r.pick(KO.verbs));
  return `${parts.join(' ')}.`;
}

function zhSentence(r) {
  let s = '';
  if (r.chance(0.5)) s += r.pick(ZH.links);
  s += r.pick(ZH.words);
  const clauses = r.int(1, 3);
  for (let i = 0; i < clauses; i++) {
    s += r.pick(ZH.verbs) + r.pick(ZH.words) + (r.chance(0.5) ? r.pick(ZH.joins) + r.pick(ZH.words) : '');
    if (r.chance(0.25)) s += `${r.int(2, 98)}%`;
    if (i < clauses - 1) s += '，';
  }
  return `${s}。`;
}

function enSentence(r) {
  const words = [];
  const phrase = () => [r.pick(EN.glue), ...(r.chance(0.5) ? [r.pick(EN.adjectives)] : []), r.pick(EN.nouns)];
  words.push(...phrase(), r.pick(EN.verbs), ...phrase());
  if (r.chance(0.6)) words.push(r.pick(EN.preps), ...phrase());
  if (r.chance(0.25)) words.push('by', `${r.int(2, 98)}%`);
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

const SENTENCE = { ko: koSentence, zh: zhSentence, en: enSentence };
const VOCAB = { ko: KO, zh: ZH, en: EN };

/** How much body text a language counts: CJK characters for ko/zh, words for en. */
function measure(lang, text) {
  if (lang === 'en') return text.split(/\s+/).filter(Boolean).length;
  return (text.match(/[\p{Script=Hangul}\p{Script=Han}]/gu) ?? []).length;
}

function paragraph(r, lang, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(SENTENCE[lang](r));
  return out.join(lang === 'zh' ? '' : ' ');
}

/** A sentence with a bit of inline markup: bold, emphasis or inline code. */
function decorate(r, lang, text) {
  const v = VOCAB[lang];
  const word = lang === 'ko' ? r.pick(KO.nouns) : lang === 'zh' ? r.pick(ZH.words) : r.pick(EN.nouns);
  const roll = r.next();
  if (roll < 0.3) return `${text} **${word}**${lang === 'zh' ? '。' : '.'}`;
  if (roll < 0.5) return `${text} *${r.pick(v.headings)}*${lang === 'zh' ? '。' : '.'}`;
  if (roll < 0.6) return `${text} \`${r.pick(['v2.1', 'HTTP/3', 'UTF-8', 'p95', 'ISO 8601'])}\`${lang === 'zh' ? '。' : '.'}`;
  return text;
}

// ------------------------------------------------------------------------------------------- posts

function title(r, lang) {
  if (lang === 'ko') return `${r.pick(KO.nouns)} ${particle(r.pick(KO.nouns), r.pick(KO.objects))} ${r.pick(['둘러싼 논쟁', '향한 기대', '위한 첫걸음', '바꾸는 방법', '둘러싼 숫자들'])}`;
  if (lang === 'zh') return `${r.pick(ZH.words)}${r.pick(ZH.verbs)}${r.pick(ZH.words)}：${r.pick(['背后的故事', '意味着什么', '下一步怎么走', '五个数字', '专家怎么看'])}`;
  const t = `${r.pick(EN.adjectives)} ${r.pick(EN.nouns)} ${r.pick(EN.verbs)} ${r.pick(EN.preps)} ${r.pick(EN.nouns)}`;
  return t[0].toUpperCase() + t.slice(1);
}

function table(r, lang) {
  const head = {
    ko: ['지역', '올해', '지난해', '변화'],
    zh: ['地区', '今年', '去年', '变化'],
    en: ['Region', 'This year', 'Last year', 'Change'],
  }[lang];
  const regions = {
    ko: ['서울', '부산', '대구', '인천', '광주', '대전'],
    zh: ['北京', '上海', '广州', '深圳', '成都', '杭州'],
    en: ['North', 'South', 'East', 'West', 'Central', 'Coast'],
  }[lang];
  const rows = [`| ${head.join(' | ')} |`, '|---|--:|--:|--:|'];
  for (const region of r.some(regions, 3, 5)) {
    const a = r.int(100, 999);
    const b = r.int(100, 999);
    rows.push(`| ${region} | ${a} | ${b} | ${(((a - b) / b) * 100).toFixed(1)}% |`);
  }
  return rows.join('\n');
}

function list(r, lang) {
  const ordered = r.chance(0.4);
  const items = [];
  for (let i = 0, n = r.int(3, 6); i < n; i++) {
    const text = SENTENCE[lang](r);
    items.push(`${ordered ? `${i + 1}.` : '-'} ${text}`);
  }
  return items.join('\n');
}

function image(r, lang, index) {
  const alt = { ko: '관련 사진', zh: '相关图片', en: 'Related photo' }[lang];
  const local = r.chance(0.6);
  const k = local ? r.int(1, 24) : 0;
  const src = local ? `/images/${benchImageName(k)}` : `https://images.example.com/news/${index}/${r.int(1, 9)}.jpg`;
  const caption = r.chance(0.5) ? ` "${paragraph(r, lang, 1).replace(/"/g, '')}"` : '';
  return `![${alt} ${r.int(1, 99)}](${src}${caption})`;
}

/** The 24 local images: odd ones photos (JPEG), even ones screenshots and charts (PNG). */
function benchImageName(k) {
  return `bench-${k}.${k % 2 === 1 ? 'jpg' : 'png'}`;
}

/**
 * Write the 24 images the posts link (`/images/bench-N.jpg|png`) into `dir` (the site's
 * public/images): 1600×900 photo-like JPEGs (a soft scene and grain) and 1600×900 PNG
 * screenshots (flat panels, lines of "text", a gradient), drawn from the image number alone and
 * encoded with sharp, so the same number gives the same bytes.
 */
export async function generateImages(dir) {
  const { default: sharp } = await import('sharp');
  fs.mkdirSync(dir, { recursive: true });
  const width = 1600;
  const height = 900;
  for (let k = 1; k <= 24; k++) {
    const r = prng(0x1a9e + k);
    const hue = [r.int(40, 200), r.int(40, 200), r.int(40, 200)];
    let bytes;
    if (k % 2 === 1) {
      // A photo: a scene drawn at a quarter of the size, enlarged (soft, as a lens draws it), then grain.
      const w = width / 4;
      const h = height / 4;
      const small = Buffer.alloc(w * h * 3);
      const shapes = Array.from({ length: 6 }, () => ({ x: r.int(0, w), y: r.int(0, h), radius: r.int(20, 75), tint: [r.int(0, 255), r.int(0, 255), r.int(0, 255)] }));
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const sky = y / h;
          let px = hue.map((c, ch) => c * (1 - sky) + (ch === 2 ? 220 : 90) * sky + Math.sin((x + k * 9) / (6 + ch * 2)) * 12);
          for (const shape of shapes) {
            const near = 1 - Math.hypot(x - shape.x, y - shape.y) / shape.radius;
            if (near > 0) px = px.map((c, ch) => c * (1 - 0.4 * near) + shape.tint[ch] * 0.4 * near);
          }
          small.set(px.map((c) => Math.max(0, Math.min(255, c))), (y * w + x) * 3);
        }
      }
      const raw = await sharp(small, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
      for (let i = 0; i < raw.length; i++) raw[i] = Math.max(0, Math.min(255, raw[i] + (r.next() - 0.5) * 16));
      bytes = await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 82 }).toBuffer();
    } else {
      // A screenshot: a dark sidebar with items, a header, lines of "text", a chart's gradient.
      const raw = Buffer.alloc(width * height * 3);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const panel = x < 320 ? 40 : y < 80 ? 60 : 245;
          const text = x > 380 && x < 380 + ((y * 7919 + k * 104729) % 900) && y % 28 > 8 && y % 28 < 18 && y > 120;
          const item = x < 320 && y % 48 > 20 && y % 48 < 30 && x > 24 && x < 260;
          let px = text ? [50, 55, 60] : item ? [200, 200, 210] : [panel, panel, panel + 4];
          if (y > 600 && x > 400 && x < 1500) px = [hue[0], hue[1] + ((x - 400) / 1100) * 40, hue[2]];
          raw.set(px, (y * width + x) * 3);
        }
      }
      bytes = await sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
    }
    fs.writeFileSync(path.join(dir, benchImageName(k)), bytes);
  }
}

function externalLink(r, lang) {
  const text = { ko: '원문 보기', zh: '查看原文', en: 'the original report' }[lang];
  const host = r.pick(['www.example.com', 'news.example.org', 'data.example.net', 'stats.example.kr']);
  return `[${text}](https://${host}/${r.pick(SLUG_WORDS)}/${r.int(1000, 99999)})`;
}

function internalLink(lang, target) {
  const text = { ko: '관련 기사', zh: '相关报道', en: 'Related' }[lang];
  return `${text}: [${target.title}](${target.url})`;
}

/** The body of one post: sections of prose with the usual furniture spread between them. */
function body(r, post, earlier) {
  const { lang } = post;
  // The extras (lists, tables, links) add some text after the goal is met: aim a little low.
  const target = lang === 'en' ? r.int(390, 850) : r.int(590, 1420);
  const v = VOCAB[lang];
  const blocks = [];
  const extras = ['list', 'table', 'code', 'image', 'links'];
  if (post.mermaid) extras.push('mermaid');
  if (r.chance(0.3)) extras.push('quote');
  if (r.chance(0.3)) extras.push('image');
  if (r.chance(0.2)) extras.push('footnote');
  // Shuffle the extras so posts differ in shape, not just in words.
  for (let i = extras.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [extras[i], extras[j]] = [extras[j], extras[i]];
  }
  const headings = r.some(v.headings, 3, 6);
  const perSection = Math.ceil(extras.length / headings.length);
  let count = 0;
  blocks.push(paragraph(r, lang, r.int(2, 4)));
  count += measure(lang, blocks[0]);
  // From the math generator (generateCorpus), not `r`: the rest of the post does not change.
  if (post.math) blocks.push(post.math.pick(MATH_INLINE[lang]), post.math.pick(MATH_DISPLAY));
  for (let h = 0; h < headings.length; h++) {
    blocks.push(`## ${headings[h]}`);
    const remaining = headings.length - h;
    const goal = count + (target - count) / remaining;
    while (count < goal) {
      const p = decorate(r, lang, paragraph(r, lang, r.int(2, 5)));
      blocks.push(p);
      count += measure(lang, p);
    }
    for (const extra of extras.splice(0, perSection)) {
      let block;
      if (extra === 'list') block = list(r, lang);
      else if (extra === 'table') block = table(r, lang);
      else if (extra === 'code') {
        const [info, code] = r.pick(CODE_SAMPLES);
        block = `\`\`\`${info}\n${code}\n\`\`\``;
      } else if (extra === 'mermaid') block = `\`\`\`mermaid\n${r.pick(MERMAID_SAMPLES)}\n\`\`\``;
      else if (extra === 'image') block = image(r, lang, post.index);
      else if (extra === 'quote') block = `> ${paragraph(r, lang, r.int(1, 2))}`;
      else if (extra === 'footnote') block = `${paragraph(r, lang, 1)}[^1]\n\n[^1]: ${externalLink(r, lang)}`;
      else {
        const lines = [externalLink(r, lang)];
        const same = earlier[lang];
        if (same.length > 0) lines.push(internalLink(lang, same[Math.floor(r.next() * same.length)]));
        if (same.length > 1 && r.chance(0.5)) lines.push(internalLink(lang, same[Math.floor(r.next() * same.length)]));
        block = lines.map((line) => `- ${line}`).join('\n');
      }
      blocks.push(block);
      count += measure(lang, block);
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

const pad = (n) => String(n).padStart(2, '0');

function dateOf(r) {
  // 2022-01-01 .. 2026-06-30, at a newsroom hour, in Korea/China time.
  const start = Date.UTC(2022, 0, 1);
  const days = Math.floor((Date.UTC(2026, 5, 30) - start) / 86_400_000);
  const day = new Date(start + r.int(0, days) * 86_400_000);
  const ymd = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  return { ymd, time: `${pad(r.int(6, 23))}:${pad(r.int(0, 59))}:00` };
}

function slugOf(r, lang, index) {
  // Most file names are ASCII; some Korean and Chinese ones (omnipress keeps them in the URL).
  if (lang === 'ko' && r.chance(0.25)) return `${r.pick(KO.tags)}-${r.pick(KO.nouns)}-${index}`;
  if (lang === 'zh' && r.chance(0.25)) return `${r.pick(ZH.tags)}-${r.pick(ZH.words)}-${index}`;
  return `${r.pick(SLUG_WORDS)}-${r.pick(SLUG_WORDS)}-${index}`;
}

const yamlString = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

function frontMatter(post) {
  const lines = [
    '---',
    `title: ${yamlString(post.title)}`,
    `date: ${post.date} ${post.time} ${post.lang === 'zh' ? '+0800' : '+0900'}`,
    `categories: [${post.categories.map(yamlString).join(', ')}]`,
    `tags: [${post.tags.map(yamlString).join(', ')}]`,
  ];
  if (post.translationKey) lines.push(`translationKey: ${post.translationKey}`);
  if (post.description) lines.push(`description: ${yamlString(post.description)}`);
  lines.push('---', '');
  return lines.join('\n');
}

/** Plan every post (language, date, slug, translation group), then write them in index order. */
export function generateCorpus(dir, n, { seed = DEFAULT_SEED } = {}) {
  const r = prng(seed);
  // Which posts have math, and which formulas: a generator of its own, so that every post without
  // math is the same bytes as in a corpus without any.
  const mathDraws = prng(seed ^ 0x6d617468);
  const posts = [];
  for (let index = 0; index < n; index++) {
    const roll = r.next();
    const lang = roll < 0.45 ? 'ko' : roll < 0.9 ? 'zh' : 'en';
    posts.push({ index, lang, ...dateOf(r) });
  }
  // Translation groups: most English posts are a version of a Korean and a Chinese post (same
  // date and file name, shared translationKey); some Korean posts have only a Chinese version.
  const free = { ko: [], zh: [] };
  for (const post of posts) if (post.lang !== 'en') free[post.lang].push(post);
  const take = (lang) => (free[lang].length ? free[lang].splice(Math.floor(r.next() * free[lang].length), 1)[0] : undefined);
  for (const post of posts) {
    if (post.lang === 'en' && r.chance(0.7)) {
      const group = [post, take('ko'), take('zh')].filter(Boolean);
      if (group.length > 1) post.group = group;
    }
  }
  for (const post of [...free.ko]) {
    if (r.chance(0.1)) {
      const zh = take('zh');
      if (zh) {
        free.ko.splice(free.ko.indexOf(post), 1);
        post.group = [post, zh];
      }
    }
  }
  for (const post of posts) {
    if (!post.group) continue;
    const key = `story-${post.group[0].index}`;
    for (const member of post.group) {
      member.translationKey = key;
      member.ymd = post.ymd;
      member.time = post.time;
      member.shared = post.group[0].index;
    }
  }
  for (const post of posts) {
    const v = VOCAB[post.lang];
    post.slug = post.shared !== undefined ? `${SLUG_WORDS[post.shared % SLUG_WORDS.length]}-story-${post.shared}` : slugOf(r, post.lang, post.index);
    post.title = title(r, post.lang);
    post.categories = r.some(v.categories, 1, 2);
    post.tags = r.some(v.tags, 2, 4);
    post.mermaid = r.chance(0.1);
    if (mathDraws.chance(0.1)) post.math = mathDraws;
    if (r.chance(0.3)) post.description = SENTENCE[post.lang](r);
    post.file = `${post.lang}/${post.ymd}-${post.slug}.md`;
    post.url = `/${post.lang}/posts/${post.slug}/`;
    post.date = post.ymd;
  }

  fs.mkdirSync(dir, { recursive: true });
  for (const lang of ['ko', 'zh', 'en']) fs.mkdirSync(path.join(dir, lang), { recursive: true });
  const earlier = { ko: [], zh: [], en: [] };
  let bytes = 0;
  for (const post of posts) {
    const text = frontMatter(post) + body(r, post, earlier);
    fs.writeFileSync(path.join(dir, post.file), text);
    bytes += Buffer.byteLength(text);
    earlier[post.lang].push({ title: post.title, url: post.url });
  }
  const manifest = posts.map(({ lang, file, slug, title: t, date, time, url, translationKey }) => ({
    lang,
    file,
    slug,
    title: t,
    date: `${date} ${time}`,
    url,
    ...(translationKey ? { translationKey } : {}),
  }));
  return { posts: manifest, bytes, seed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const seed = Number(option('--seed') ?? DEFAULT_SEED);
  const manifestFile = option('--manifest');
  const publicDir = option('--public');
  const [outDir, count] = args;
  if (!outDir || !/^\d+$/.test(count ?? '') || !Number.isInteger(seed)) {
    process.stderr.write('usage: node bench/gen-corpus.mjs OUT_DIR N [--seed S] [--manifest FILE] [--public DIR]\n');
    process.exit(2);
  }
  const result = generateCorpus(outDir, Number(count), { seed });
  if (manifestFile) fs.writeFileSync(manifestFile, `${JSON.stringify(result, null, 1)}\n`);
  if (publicDir) await generateImages(path.join(publicDir, 'images'));
  process.stdout.write(`${result.posts.length} posts, ${(result.bytes / 1e6).toFixed(1)} MB → ${outDir}\n`);
}
