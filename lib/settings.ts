// Settings staff can change (stored in the settings table as JSON) and their defaults, in one place.

export const settingDefaults = {
  /** Threads close this many days after publication; 0 keeps them open. */
  'comments.closeAfterDays': 60,
  /** Words or addresses that hold a comment for review (case-insensitive, anywhere in it). */
  'comments.moderationWords': ['bitcoin', 'crypto', 'forex', 'فوركس', 'بيتكوين', 'ربح سريع', 'قرض سريع', 'واتساب'],
  /** Words or addresses that send a comment straight to spam. */
  'comments.blockList': ['viagra', 'cialis', 'casino', 'كازينو', 'قمار', 'porn', 'إباحي', 'xxx'],
  /** A form sent sooner than this after it was shown is a robot's. */
  'comments.minSecondsToSubmit': 3,
  /** A second comment from the same address or email within this window is refused. */
  'comments.floodSeconds': 15,
};

export type SettingKey = keyof typeof settingDefaults;
export type Settings = { [K in SettingKey]: (typeof settingDefaults)[K] };
