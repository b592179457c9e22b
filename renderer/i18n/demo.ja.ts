export const demoJa = {
  demoOffice: {
    offerTitle: 'デモ事務所を見てみる',
    offerText: '架空の対象者約250人が登録された別のデータベースで、操作を試せます。すべての画面に「デモ」と表示され、この事務所のデータには一切触れません。',
    open: 'デモ事務所を開く',
    opening: 'デモ事務所を作成しています…',
    progress: '{{done}} / {{total}} 件',
    lockedTitle: 'これはデモ事務所です',
    lockedText: 'ログインID「{{login}}」、パスフレーズ「{{passphrase}}」で入れます（公開されている架空データ用です）。',
    leave: '自分の事務所に戻る',
    leaveTitle: 'デモを終了して自分の事務所に戻ります',
  },
};
