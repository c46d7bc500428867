// The demo section tree. The sample article's chain أخبار › أخبار دولية › الأفق › الدبلوماسية
// الدولية is part of it; every leaf has a topic that the corpus generator writes about.

export type SeedSection = {
  slug: string;
  name: string;
  /** The name on the English interface. */
  nameEn: string;
  description: string;
  topic?: Topic;
  children?: SeedSection[];
};

export type Topic =
  | 'diplomacy'
  | 'arab'
  | 'national'
  | 'regions'
  | 'markets'
  | 'energy'
  | 'football'
  | 'athletics'
  | 'culture'
  | 'health'
  | 'education'
  | 'tech';

export const seedSections: SeedSection[] = [
  {
    slug: 'news',
    name: 'أخبار',
    nameEn: 'News',
    description: 'آخر المستجدات الوطنية والدولية كما يرصدها مراسلو الجريدة لحظة بلحظة.',
    children: [
      {
        slug: 'national',
        name: 'أخبار وطنية',
        nameEn: 'National',
        description: 'الشأن الوطني: الحكومة والبرلمان والمؤسسات وقضايا المواطنين.',
        topic: 'national',
        children: [
          {
            slug: 'regions',
            name: 'جهات',
            nameEn: 'Regions',
            description: 'أخبار الجهات والمدن ومشاريع التنمية المحلية.',
            topic: 'regions',
          },
        ],
      },
      {
        slug: 'international',
        name: 'أخبار دولية',
        nameEn: 'World',
        description: 'ما يجري في العالم: العلاقات بين الدول والأزمات والقمم والاتفاقيات.',
        children: [
          {
            slug: 'horizon',
            name: 'الأفق',
            nameEn: 'Horizon',
            description: 'قراءات في الشؤون الدولية وآفاقها، بعيدًا عن ضجيج الخبر العاجل.',
            children: [
              {
                slug: 'international-diplomacy',
                name: 'الدبلوماسية الدولية',
                nameEn: 'Diplomacy',
                description: 'اللقاءات الرسمية والمباحثات الثنائية والمتعددة الأطراف ومسارات التعاون بين الدول.',
                topic: 'diplomacy',
              },
            ],
          },
          {
            slug: 'arab-world',
            name: 'العالم العربي',
            nameEn: 'Arab World',
            description: 'أخبار البلدان العربية وقضاياها المشتركة.',
            topic: 'arab',
          },
        ],
      },
    ],
  },
  {
    slug: 'economy',
    name: 'اقتصاد',
    nameEn: 'Economy',
    description: 'الاقتصاد الوطني والعالمي: النمو والاستثمار والتجارة وسوق الشغل.',
    children: [
      {
        slug: 'markets',
        name: 'مال وأسواق',
        nameEn: 'Markets',
        description: 'البورصة والبنوك والعملات وأسعار المواد الأساسية.',
        topic: 'markets',
      },
      {
        slug: 'energy',
        name: 'طاقة',
        nameEn: 'Energy',
        description: 'الطاقات المتجددة والنفط والغاز ومشاريع الربط الطاقي.',
        topic: 'energy',
      },
    ],
  },
  {
    slug: 'sports',
    name: 'رياضة',
    nameEn: 'Sport',
    description: 'نتائج المباريات وأخبار الأندية والمنتخبات والبطولات.',
    children: [
      {
        slug: 'football',
        name: 'كرة القدم',
        nameEn: 'Football',
        description: 'البطولة الوطنية والمنافسات القارية والدولية لكرة القدم.',
        topic: 'football',
      },
      {
        slug: 'athletics',
        name: 'ألعاب القوى',
        nameEn: 'Athletics',
        description: 'العدّاؤون والملتقيات الدولية وسباقات الماراثون.',
        topic: 'athletics',
      },
    ],
  },
  {
    slug: 'culture',
    name: 'ثقافة وفنون',
    nameEn: 'Culture & Arts',
    description: 'الكتاب والمسرح والسينما والموسيقى والتراث.',
    topic: 'culture',
  },
  {
    slug: 'society',
    name: 'مجتمع',
    nameEn: 'Society',
    description: 'الصحة والتعليم وقضايا الأسرة والحياة اليومية.',
    children: [
      { slug: 'health', name: 'صحة', nameEn: 'Health', description: 'المستشفيات والوقاية والبحث الطبي.', topic: 'health' },
      { slug: 'education', name: 'تعليم', nameEn: 'Education', description: 'المدرسة والجامعة والتكوين المهني.', topic: 'education' },
    ],
  },
  {
    slug: 'tech',
    name: 'علوم وتكنولوجيا',
    nameEn: 'Science & Technology',
    description: 'الابتكار والتحول الرقمي والاكتشافات العلمية.',
    topic: 'tech',
  },
];
