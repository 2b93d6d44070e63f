import type { samlEn } from './messages-en';

/** SAML サインインの日本語メッセージ（i18n/ja.ts に取り込まれます）。 */
export const samlJa: Record<keyof typeof samlEn, string> = {
  'add.saml': 'SAML 2.0（Okta、Entra ID、ADFS などの AWS アプリ）',
  'add.samlSignInUrl': 'IdP 起点のサインイン URL',
  'add.samlSignInUrlHint': 'アプリ ポータルにある AWS アプリのアドレスです。',
  'add.samlRoleArn': '優先する IAM ロールの ARN（省略可）',
  'add.samlUserNameAttribute': 'ユーザー名の属性（省略可）',
  'add.samlUserNameAttributeHint': '既定値: RoleSessionName 属性、なければ NameID。',
  'auth.saml.waitingForWindow': 'サインイン ウィンドウで {name} へのサインインを完了してください。',
  'auth.saml.noStay':
    'SAML のサインインは保持できません。SAML には更新トークンがないためです。Deskbridge は実行中にバックグラウンドでサインインを更新し、再起動後はもう一度サインインを求めます。',
  'auth.saml.chooseRole': '{name} のロールを選択',
  'auth.saml.chooseRoleBody': 'ID プロバイダーが複数の AWS ロールを提示しています。Deskbridge はこの組織での選択を記憶します。',
  'auth.saml.useRole': 'このロールを使用',
  'auth.saml.roleAccount': 'アカウント {account}',
  'auth.saml.error.saml-no-role':
    'ID プロバイダーから AWS ロールが送られてきませんでした。AWS アプリで https://aws.amazon.com/SAML/Attributes/Role 属性をマッピングするよう管理者に依頼してください。',
  'auth.saml.error.saml-role-not-offered':
    'この組織に設定されたロールは、ID プロバイダーが提示するロールに含まれていません。提示されたロールから選ぶか、そのロールを割り当てるよう管理者に依頼してください。',
  'auth.saml.error.saml-assertion-expired':
    'ID プロバイダーからのサインインはすでに期限切れでした。もう一度サインインしてください。繰り返し起きる場合は、このコンピューターの時計を確認してください。',
  'auth.saml.error.saml-invalid-response': 'ID プロバイダーからの応答を SAML 応答として読み取れませんでした。',
  'auth.saml.error.saml-window-closed': 'サインインが完了する前にサインイン ウィンドウが閉じられました。',
  'auth.saml.error.idp-unreachable': 'Deskbridge は ID プロバイダーのサインイン ページに接続できませんでした。ネットワーク接続を確認してください。',
  'auth.saml.error.aws-refused-token':
    'AWS は ID プロバイダーからのサインインを受け入れませんでした。管理者は IAM の SAML ID プロバイダー（メタデータ）とロールの信頼ポリシーを確認してください。',
  'auth.saml.error.saml-token-expired':
    'AWS は ID プロバイダーからのサインインを期限切れと判断しました。もう一度サインインしてください。繰り返し起きる場合は、このコンピューターの時計を確認してください。',
  'auth.saml.error.role-trust-refused':
    'AWS は選択したロールを拒否しました。管理者はロールの信頼ポリシー（SAML プロバイダーに対する sts:AssumeRoleWithSAML と sts:TagSession）を確認してください。',
  'auth.saml.error.saml-needs-prompt': 'ID プロバイダーが再度のサインインを求めています。',
};
