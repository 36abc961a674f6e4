/**
 * Fictional people for the demo installation: common names of each nationality, written in the
 * person's own script with a usual Latin spelling. Any resemblance to real people is chance;
 * every demo case number starts with DEMO- and every narrative says the record is fictional.
 */
export interface DemoPerson {
  nationality: string;
  script: string;
  given: string;
  family: string;
  latin?: [string, string];
  language: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    nationality: 'THA',
    script: 'Thai',
    given: 'สมชาย',
    family: 'ใจดี',
    latin: ['Somchai', 'Jaidee'],
    language: 'th',
  },
  {
    nationality: 'THA',
    script: 'Thai',
    given: 'มาลี',
    family: 'ศรีสุข',
    latin: ['Malee', 'Srisuk'],
    language: 'th',
  },
  {
    nationality: 'KHM',
    script: 'Khmr',
    given: 'សុខ',
    family: 'ចាន់',
    latin: ['Sok', 'Chan'],
    language: 'km',
  },
  {
    nationality: 'KHM',
    script: 'Khmr',
    given: 'ស្រីមុំ',
    family: 'ពេជ្រ',
    latin: ['Sreymom', 'Pich'],
    language: 'km',
  },
  {
    nationality: 'MMR',
    script: 'Mymr',
    given: 'အောင်',
    family: 'ကျော်',
    latin: ['Aung', 'Kyaw'],
    language: 'my',
  },
  {
    nationality: 'MMR',
    script: 'Mymr',
    given: 'မြင့်မြင့်',
    family: 'ထွေး',
    latin: ['Myint Myint', 'Htwe'],
    language: 'my',
  },
  {
    nationality: 'BGD',
    script: 'Beng',
    given: 'রহিম',
    family: 'উদ্দিন',
    latin: ['Rahim', 'Uddin'],
    language: 'bn',
  },
  {
    nationality: 'BGD',
    script: 'Beng',
    given: 'ফাতেমা',
    family: 'বেগম',
    latin: ['Fatema', 'Begum'],
    language: 'bn',
  },
  {
    nationality: 'ETH',
    script: 'Ethi',
    given: 'አበበ',
    family: 'በቀለ',
    latin: ['Abebe', 'Bekele'],
    language: 'am',
  },
  {
    nationality: 'ETH',
    script: 'Ethi',
    given: 'ትግስት',
    family: 'ኃይሉ',
    latin: ['Tigist', 'Hailu'],
    language: 'am',
  },
  {
    nationality: 'CHN',
    script: 'Hans',
    given: '小明',
    family: '王',
    latin: ['Xiaoming', 'Wang'],
    language: 'zh',
  },
  {
    nationality: 'CHN',
    script: 'Hans',
    given: '娜',
    family: '李',
    latin: ['Na', 'Li'],
    language: 'zh',
  },
  { nationality: 'VNM', script: 'Latn', given: 'Văn An', family: 'Nguyễn', language: 'vi' },
  { nationality: 'VNM', script: 'Latn', given: 'Thị Mai', family: 'Trần', language: 'vi' },
  { nationality: 'IDN', script: 'Latn', given: 'Siti', family: 'Rahmawati', language: 'id' },
  { nationality: 'IDN', script: 'Latn', given: 'Budi', family: 'Santoso', language: 'id' },
  { nationality: 'PHL', script: 'Latn', given: 'Maria', family: 'Santos', language: 'fil' },
  { nationality: 'PHL', script: 'Latn', given: 'Jose', family: 'Reyes', language: 'fil' },
  { nationality: 'KEN', script: 'Latn', given: 'Wanjiru', family: 'Kamau', language: 'sw' },
  { nationality: 'KEN', script: 'Latn', given: 'Otieno', family: 'Odhiambo', language: 'sw' },
  { nationality: 'UGA', script: 'Latn', given: 'Sarah', family: 'Nakato', language: 'lg' },
  { nationality: 'UGA', script: 'Latn', given: 'James', family: 'Okello', language: 'en' },
  {
    nationality: 'LKA',
    script: 'Sinh',
    given: 'නිමල්',
    family: 'පෙරේරා',
    latin: ['Nimal', 'Perera'],
    language: 'si',
  },
  {
    nationality: 'NPL',
    script: 'Deva',
    given: 'राम',
    family: 'श्रेष्ठ',
    latin: ['Ram', 'Shrestha'],
    language: 'ne',
  },
  {
    nationality: 'LAO',
    script: 'Laoo',
    given: 'ສົມພອນ',
    family: 'ແສງດາວ',
    latin: ['Somphone', 'Sengdao'],
    language: 'lo',
  },
];
