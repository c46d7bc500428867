// The demo section tree. The sample article's chain أخبار › أخبار دولية › الأفق › الدبلوماسية
// الدولية is part of it; every leaf has a topic that the corpus generator writes about.

export type SeedSection = {
  slug: string;
  name: string;
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
    description: 'آخر المستجدات الوطنية والدولية كما يرصدها مراسلو الجريدة لحظة بلحظة.',
    children: [
      {
        slug: 'national',
        name: 'أخبار وطنية',
        description: 'الشأن الوطني: الحكومة والبرلمان والمؤسسات وقضايا المواطنين.',
        topic: 'national',
        children: [
          {
            slug: 'regions',
            name: 'جهات',
            description: 'أخبار الجهات والمدن ومشاريع التنمية المحلية.',
            topic: 'regions',
          },
        ],
      },
      {
        slug: 'international',
        name: 'أخبار دولية',
        description: 'ما يجري في العالم: العلاقات بين الدول والأزمات والقمم والاتفاقيات.',
        children: [
          {
            slug: 'horizon',
            name: 'الأفق',
            description: 'قراءات في الشؤون الدولية وآفاقها، بعيدًا عن ضجيج الخبر العاجل.',
            children: [
              {
                slug: 'international-diplomacy',
                name: 'الدبلوماسية الدولية',
                description: 'اللقاءات الرسمية والمباحثات الثنائية والمتعددة الأطراف ومسارات التعاون بين الدول.',
                topic: 'diplomacy',
              },
            ],
          },
          {
            slug: 'arab-world',
            name: 'العالم العربي',
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
    description: 'الاقتصاد الوطني والعالمي: النمو والاستثمار والتجارة وسوق الشغل.',
    children: [
      {
        slug: 'markets',
        name: 'مال وأسواق',
        description: 'البورصة والبنوك والعملات وأسعار المواد الأساسية.',
        topic: 'markets',
      },
      {
        slug: 'energy',
        name: 'طاقة',
        description: 'الطاقات المتجددة والنفط والغاز ومشاريع الربط الطاقي.',
        topic: 'energy',
      },
    ],
  },
  {
    slug: 'sports',
    name: 'رياضة',
    description: 'نتائج المباريات وأخبار الأندية والمنتخبات والبطولات.',
    children: [
      {
        slug: 'football',
        name: 'كرة القدم',
        description: 'البطولة الوطنية والمنافسات القارية والدولية لكرة القدم.',
        topic: 'football',
      },
      {
        slug: 'athletics',
        name: 'ألعاب القوى',
        description: 'العدّاؤون والملتقيات الدولية وسباقات الماراثون.',
        topic: 'athletics',
      },
    ],
  },
  {
    slug: 'culture',
    name: 'ثقافة وفنون',
    description: 'الكتاب والمسرح والسينما والموسيقى والتراث.',
    topic: 'culture',
  },
  {
    slug: 'society',
    name: 'مجتمع',
    description: 'الصحة والتعليم وقضايا الأسرة والحياة اليومية.',
    children: [
      { slug: 'health', name: 'صحة', description: 'المستشفيات والوقاية والبحث الطبي.', topic: 'health' },
      { slug: 'education', name: 'تعليم', description: 'المدرسة والجامعة والتكوين المهني.', topic: 'education' },
    ],
  },
  {
    slug: 'tech',
    name: 'علوم وتكنولوجيا',
    description: 'الابتكار والتحول الرقمي والاكتشافات العلمية.',
    topic: 'tech',
  },
];
