/**
 * Word lists for the demo office: common Japanese family and given names (kanji, kana, Hepburn
 * romaji without macrons, as officers type them), places and short note texts. Every person built
 * from them is fictional; a combination matching a real person is a coincidence.
 */
export type NameEntry = readonly [kanji: string, kana: string, romaji: string];

/** Among the most common family names in Japan. */
export const FAMILY_NAMES: readonly NameEntry[] = [
  ['佐藤', 'さとう', 'Sato'], ['鈴木', 'すずき', 'Suzuki'], ['高橋', 'たかはし', 'Takahashi'], ['田中', 'たなか', 'Tanaka'],
  ['伊藤', 'いとう', 'Ito'], ['渡辺', 'わたなべ', 'Watanabe'], ['山本', 'やまもと', 'Yamamoto'], ['中村', 'なかむら', 'Nakamura'],
  ['小林', 'こばやし', 'Kobayashi'], ['加藤', 'かとう', 'Kato'], ['吉田', 'よしだ', 'Yoshida'], ['山田', 'やまだ', 'Yamada'],
  ['佐々木', 'ささき', 'Sasaki'], ['山口', 'やまぐち', 'Yamaguchi'], ['松本', 'まつもと', 'Matsumoto'], ['井上', 'いのうえ', 'Inoue'],
  ['木村', 'きむら', 'Kimura'], ['林', 'はやし', 'Hayashi'], ['斎藤', 'さいとう', 'Saito'], ['清水', 'しみず', 'Shimizu'],
  ['山崎', 'やまざき', 'Yamazaki'], ['森', 'もり', 'Mori'], ['池田', 'いけだ', 'Ikeda'], ['橋本', 'はしもと', 'Hashimoto'],
  ['阿部', 'あべ', 'Abe'], ['石川', 'いしかわ', 'Ishikawa'], ['山下', 'やました', 'Yamashita'], ['中島', 'なかじま', 'Nakajima'],
  ['石井', 'いしい', 'Ishii'], ['小川', 'おがわ', 'Ogawa'], ['前田', 'まえだ', 'Maeda'], ['岡田', 'おかだ', 'Okada'],
  ['長谷川', 'はせがわ', 'Hasegawa'], ['藤田', 'ふじた', 'Fujita'], ['後藤', 'ごとう', 'Goto'], ['近藤', 'こんどう', 'Kondo'],
  ['村上', 'むらかみ', 'Murakami'], ['遠藤', 'えんどう', 'Endo'], ['青木', 'あおき', 'Aoki'], ['坂本', 'さかもと', 'Sakamoto'],
  ['斉藤', 'さいとう', 'Saito'], ['福田', 'ふくだ', 'Fukuda'], ['太田', 'おおた', 'Ota'], ['西村', 'にしむら', 'Nishimura'],
  ['藤井', 'ふじい', 'Fujii'], ['金子', 'かねこ', 'Kaneko'], ['岡本', 'おかもと', 'Okamoto'], ['藤原', 'ふじわら', 'Fujiwara'],
  ['中野', 'なかの', 'Nakano'], ['三浦', 'みうら', 'Miura'], ['原田', 'はらだ', 'Harada'], ['中川', 'なかがわ', 'Nakagawa'],
  ['松田', 'まつだ', 'Matsuda'], ['竹内', 'たけうち', 'Takeuchi'], ['小野', 'おの', 'Ono'], ['田村', 'たむら', 'Tamura'],
  ['中山', 'なかやま', 'Nakayama'], ['和田', 'わだ', 'Wada'], ['石田', 'いしだ', 'Ishida'], ['森田', 'もりた', 'Morita'],
  ['上田', 'うえだ', 'Ueda'], ['原', 'はら', 'Hara'], ['内田', 'うちだ', 'Uchida'], ['柴田', 'しばた', 'Shibata'],
  ['酒井', 'さかい', 'Sakai'], ['宮崎', 'みやざき', 'Miyazaki'], ['横山', 'よこやま', 'Yokoyama'], ['高木', 'たかぎ', 'Takagi'],
  ['安藤', 'あんどう', 'Ando'], ['宮本', 'みやもと', 'Miyamoto'], ['大野', 'おおの', 'Ono'], ['小島', 'こじま', 'Kojima'],
  ['谷口', 'たにぐち', 'Taniguchi'], ['今井', 'いまい', 'Imai'], ['工藤', 'くどう', 'Kudo'], ['高田', 'たかだ', 'Takada'],
  ['増田', 'ますだ', 'Masuda'], ['丸山', 'まるやま', 'Maruyama'], ['杉山', 'すぎやま', 'Sugiyama'], ['村田', 'むらた', 'Murata'],
  ['大塚', 'おおつか', 'Otsuka'], ['新井', 'あらい', 'Arai'], ['小山', 'こやま', 'Koyama'], ['平野', 'ひらの', 'Hirano'],
  ['藤本', 'ふじもと', 'Fujimoto'], ['河野', 'こうの', 'Kono'], ['上野', 'うえの', 'Ueno'], ['野口', 'のぐち', 'Noguchi'],
  ['武田', 'たけだ', 'Takeda'], ['松井', 'まつい', 'Matsui'], ['千葉', 'ちば', 'Chiba'], ['岩崎', 'いわさき', 'Iwasaki'],
  ['菅原', 'すがわら', 'Sugawara'], ['木下', 'きのした', 'Kinoshita'], ['久保', 'くぼ', 'Kubo'], ['佐野', 'さの', 'Sano'],
  ['野村', 'のむら', 'Nomura'], ['松尾', 'まつお', 'Matsuo'], ['菊地', 'きくち', 'Kikuchi'], ['杉本', 'すぎもと', 'Sugimoto'],
];

export const MALE_GIVEN_NAMES: readonly NameEntry[] = [
  ['大輔', 'だいすけ', 'Daisuke'], ['健太', 'けんた', 'Kenta'], ['拓也', 'たくや', 'Takuya'], ['翔太', 'しょうた', 'Shota'],
  ['直樹', 'なおき', 'Naoki'], ['誠', 'まこと', 'Makoto'], ['浩二', 'こうじ', 'Koji'], ['隆', 'たかし', 'Takashi'],
  ['博', 'ひろし', 'Hiroshi'], ['学', 'まなぶ', 'Manabu'], ['大樹', 'だいき', 'Daiki'], ['亮', 'りょう', 'Ryo'],
  ['和也', 'かずや', 'Kazuya'], ['達也', 'たつや', 'Tatsuya'], ['剛', 'つよし', 'Tsuyoshi'], ['修', 'おさむ', 'Osamu'],
  ['智也', 'ともや', 'Tomoya'], ['雄一', 'ゆういち', 'Yuichi'], ['正樹', 'まさき', 'Masaki'], ['哲也', 'てつや', 'Tetsuya'],
  ['純一', 'じゅんいち', 'Junichi'], ['健一', 'けんいち', 'Kenichi'], ['秀樹', 'ひでき', 'Hideki'], ['勝', 'まさる', 'Masaru'],
  ['茂', 'しげる', 'Shigeru'], ['清', 'きよし', 'Kiyoshi'], ['翔', 'しょう', 'Sho'], ['蓮', 'れん', 'Ren'],
  ['悠斗', 'ゆうと', 'Yuto'], ['陽翔', 'はると', 'Haruto'], ['颯太', 'そうた', 'Sota'], ['大和', 'やまと', 'Yamato'],
  ['海斗', 'かいと', 'Kaito'], ['蒼', 'あおい', 'Aoi'], ['湊', 'みなと', 'Minato'], ['慎也', 'しんや', 'Shinya'],
  ['一郎', 'いちろう', 'Ichiro'], ['幸雄', 'ゆきお', 'Yukio'], ['義男', 'よしお', 'Yoshio'], ['俊介', 'しゅんすけ', 'Shunsuke'],
  ['恭平', 'きょうへい', 'Kyohei'], ['洋平', 'ようへい', 'Yohei'], ['裕太', 'ゆうた', 'Yuta'], ['祐介', 'ゆうすけ', 'Yusuke'],
  ['淳', 'じゅん', 'Jun'], ['徹', 'とおる', 'Toru'], ['聡', 'さとし', 'Satoshi'], ['光', 'ひかる', 'Hikaru'],
];

export const FEMALE_GIVEN_NAMES: readonly NameEntry[] = [
  ['陽子', 'ようこ', 'Yoko'], ['恵子', 'けいこ', 'Keiko'], ['由美', 'ゆみ', 'Yumi'], ['直美', 'なおみ', 'Naomi'],
  ['美香', 'みか', 'Mika'], ['真由美', 'まゆみ', 'Mayumi'], ['智子', 'ともこ', 'Tomoko'], ['裕子', 'ゆうこ', 'Yuko'],
  ['久美子', 'くみこ', 'Kumiko'], ['明美', 'あけみ', 'Akemi'], ['幸子', 'さちこ', 'Sachiko'], ['京子', 'きょうこ', 'Kyoko'],
  ['愛', 'あい', 'Ai'], ['彩', 'あや', 'Aya'], ['舞', 'まい', 'Mai'], ['麻衣', 'まい', 'Mai'],
  ['美咲', 'みさき', 'Misaki'], ['沙織', 'さおり', 'Saori'], ['香織', 'かおり', 'Kaori'], ['綾', 'あや', 'Aya'],
  ['千尋', 'ちひろ', 'Chihiro'], ['優子', 'ゆうこ', 'Yuko'], ['理恵', 'りえ', 'Rie'], ['奈々', 'なな', 'Nana'],
  ['結衣', 'ゆい', 'Yui'], ['陽菜', 'ひな', 'Hina'], ['さくら', 'さくら', 'Sakura'], ['葵', 'あおい', 'Aoi'],
  ['凛', 'りん', 'Rin'], ['美月', 'みづき', 'Mizuki'], ['遥', 'はるか', 'Haruka'], ['真央', 'まお', 'Mao'],
  ['和子', 'かずこ', 'Kazuko'], ['節子', 'せつこ', 'Setsuko'], ['典子', 'のりこ', 'Noriko'], ['紀子', 'のりこ', 'Noriko'],
];

/** 保護区 (VPO districts) of the fictional demo office's area. */
export const DISTRICTS: readonly string[] = [
  '中央第一', '中央第二', '北部', '南部', '東部', '西部', '港湾', '山手', '川辺', '新町', '旧市街', '丘陵',
];

/** Fictional towns for addresses (the demo office is nowhere in particular). */
export const TOWNS: readonly string[] = [
  '桜台', '緑町', '本町', '栄町', '旭町', '若葉', '東雲', '朝日ヶ丘', '花園', '青葉台', '松原', '大橋', '宮前', '水元',
];

export const NON_DRUG_OFFENCES: readonly string[] = ['窃盗', '詐欺', '傷害', '道路交通法違反', '住居侵入・窃盗', '横領', '暴行'];

/** Short notes of the kind officers and VPOs write; none is about a real person. */
export const NOTES = {
  po: [
    '生活状況を確認。', '就労継続中、勤務態度良好とのこと。', '求職活動の状況を確認。ハローワーク利用を助言。',
    '家族関係は安定している様子。', '睡眠不足を訴える。生活リズムについて助言。', '通院状況を確認。',
    '金銭管理について話し合った。', '交友関係の変化なし。', '転居の意向あり。手続を説明。', '体調不良のため短時間で終了。',
    '自助グループへの参加を勧めた。', 'DARCの見学を検討中。', '引受人と同席で面接。',
  ],
  vpo: ['来訪。落ち着いた様子。', '往訪。家族も在宅。', '仕事の話を中心に面接。', '趣味の話で打ち解けた。', '体調を崩しているとのこと。'],
  report: ['生活安定。', '就労継続。', '特記事項なし。', '連絡がつきにくい時期があった。', '家族との関係良好。'],
  family: ['引受人から近況を聴取。', '母親から相談の電話。', '家族会の案内をした。'],
  sensitive: ['家族内の事情について詳しく聴取。', '通院先の診断内容について聴取。'],
  missed: ['不在。', '連絡なし。', '体調不良の連絡あり。', '仕事のため日程変更を希望。'],
} as const;
