import type { networkEn } from './messages-en';

/** Japanese messages of Settings → Network and the proxy sign-in dialog. */
export const networkJa: Record<keyof typeof networkEn, string> = {
  'network.title': 'ネットワーク',
  'network.explain': 'Deskbridge が ID プロバイダーと AWS に接続する方法です。プロキシのパスワードは必要なときに尋ね、保存しません。',
  'network.proxy': 'プロキシ',
  'network.mode.system': 'システムのプロキシ設定を使う（推奨）',
  'network.mode.manual': 'このプロキシを使う',
  'network.mode.none': 'プロキシを使わない（直接接続）',
  'network.proxyUrl': 'プロキシのアドレス',
  'network.proxyUrlHint': '例: http://proxy.example.com:3128。ユーザー名やパスワードは含めません。',
  'network.caFile': '追加の証明書ファイル（PEM）',
  'network.caFileHint':
    'Deskbridge が信頼すべき組織の証明書です（ネットワークが暗号化通信を検査する場合など）。IT 部門から提供されていなければ空のままにしてください。',
  'network.active': '現在の使用: {description}',
  'network.source.settings': 'この設定による',
  'network.source.managed': 'IT 部門による設定',
  'network.source.environment': '環境変数による（HTTPS_PROXY、HTTP_PROXY、NO_PROXY）',
  'network.source.default': '直接接続',
  'network.managed': 'この設定は IT 部門があらかじめ設定しています。',
  'network.locked': 'この設定は IT 部門が管理しているため、ここでは変更できません。',
  'network.save': '保存',
  'network.saved': '保存しました。',
  'network.login.title': 'プロキシにサインイン',
  'network.login.why':
    'Deskbridge は {host} に接続しようとしていました。ネットワークのプロキシ {proxy} が、接続を通す前にユーザー名とパスワードを求めています。',
  'network.login.again': 'プロキシは前回のユーザー名とパスワードを受け付けませんでした（{attempt} 回目）。確認してもう一度入力してください。',
  'network.login.kept': 'Deskbridge を終了するまでメモリーに保持され、保存されることはありません。',
  'network.login.user': 'ユーザー名',
  'network.login.password': 'パスワード',
  'network.login.submit': 'サインイン',
  'network.login.cancel': 'キャンセル',
};
