import type { errorsEn } from './errors-en';

/** コアが送る各エラー コードの日本語メッセージ。`{name}` はエラーの params から埋められます。 */
export const errorsJa: Readonly<Record<keyof typeof errorsEn, string>> = {
  'error.unknown': '問題が発生しました。詳細はログにあります（コード {code}）。',
  'error.unknown-method': 'Deskbridge が認識できない要求を受け取りました。',
  'error.invalid-arguments': 'Deskbridge が使用できない値を含む要求を受け取りました（{method}）。',
  'error.internal-error': 'Deskbridge の内部で問題が発生しました。詳細はログにあります。',
  'error.untrusted-sender': 'この要求は Deskbridge のウィンドウから送られたものではありません。',
  'error.session-window-refused': 'セッション ウィンドウが管理できるのは自身のセッションだけです。',
  'error.settings-reset': '設定ファイルが破損しているか読み取れなかったため、Deskbridge は新しい設定で起動しました。',
  'error.policy-ignored': '組織のポリシーを使用できなかったため、無視しました。理由は詳細をご覧ください。',
  'error.org-removed-untrusted': '「{name}」（{code}）を削除しました。IT 部門しか設定できないアドレスを使用していました。',
  'error.stay-signed-in-unavailable':
    'サインインを維持できません。このコンピューターのキーチェーンを使用できませんでした。現在はサインインしていますが、次回は再度サインインが必要です。',
  'error.link-refused': 'Deskbridge のリンクを拒否しました。',
  'error.unknown-organization': 'この組織はもう存在しません。',
  'error.unknown-link': 'このリンクにはすでに応答済みです。',
  'error.invalid-organization': 'この組織の一部の情報が無効です。',
  'error.untrusted-address': 'この組織は IT 部門しか設定できないアドレスを使用しているため、追加しませんでした。',
  'error.policy-forbids-adding': '組織のポリシーにより、組織を追加できません。',
  'error.duplicate-organization': '「{name}」はすでにコード {code} を使用しています。',
  'error.managed-organization': 'この組織は IT 部門が管理しているため、変更も削除もできません。',
  'error.invalid-name': '1 ～ 64 文字の名前を入力してください。',
  'error.invalid-profile-file': 'このファイルは Deskbridge の組織ファイルではありません。',
  'error.profile-file-too-new':
    'この組織ファイルは新しいバージョンの Deskbridge で作成されています。Deskbridge を更新してから、もう一度インポートしてください。',
  'error.sign-in-cancelled': 'サインインはキャンセルされました。',
  'error.sign-in-denied': 'ブラウザーでサインインがキャンセルまたは拒否されました。',
  'error.sign-in-timeout': 'サインインに時間がかかりすぎたため、Deskbridge は待機を終了しました。もう一度お試しください。',
  'error.sign-in-in-progress': 'この組織へのサインインがすでに待機中です。ブラウザーで完了するか、キャンセルしてください。',
  'error.sign-in-failed': 'サインインに失敗しました。',
  'error.idp-unreachable': 'Deskbridge は ID プロバイダーに接続できませんでした。ネットワーク接続を確認して、もう一度お試しください。',
  'error.idp-timeout': 'ID プロバイダー（{host}）が時間内に応答しませんでした。ネットワーク接続を確認して、もう一度お試しください。',
  'error.saml-unavailable':
    'SAML サインインには Deskbridge のサインインウィンドウが必要ですが、このバージョンの Deskbridge にはありません。デスクトップアプリを使うか、別のサインイン方法を IT 部門に問い合わせてください。',
  'error.saml-idp-status':
    'ID プロバイダーはあなたをサインインさせませんでした（SAML ステータス {status}）。AWS アプリへのアクセス権を確認するよう IT 部門に依頼してください。',
  'error.identity-center-no-assignment':
    'IAM Identity Center は、アカウント {account} のアクセス許可セット {role} をあなたに割り当てていません。割り当てるよう IT 部門に依頼してください。',
  'error.identity-center-incomplete':
    'IAM Identity Center の {operation} への応答に、サインインに必要なものが含まれていませんでした。もう一度お試しください。繰り返す場合は、Identity Center を確認するよう IT 部門に依頼してください。',
  'error.sts-region-disabled':
    'このアカウントでは {region} の AWS STS が有効になっていません。IAM（アカウント設定 → STS リージョン）で有効にするよう IT 部門に依頼してください。',
  'error.role-session-too-long':
    'ID プロバイダーが要求するセッションは、ロール {role} が許可する長さを超えています。ロールの最大セッション時間を延ばすか、ID プロバイダーでセッションの長さを短くするよう IT 部門に依頼してください。',
  'error.sign-in-url-insecure':
    'サインインページのアドレス（{origin}）が安全（https）ではないため、Deskbridge は開きませんでした。組織の設定を確認してください。',
  'error.idp-unexpected': '{host} が Deskbridge の想定しない応答を返したため、サインインを中止しました。詳細に情報があります。',
  'error.idp-userinfo-refused':
    'ID プロバイダーがあなたが誰かを伝えませんでした。ユーザー情報が拒否されたか、有効ではありませんでした。アプリのクレームを確認するよう IT 部門に依頼してください。',
  'error.idp-invalid-answer':
    'ID プロバイダーから返された応答が有効ではなかったため、Deskbridge は使用しませんでした。もう一度お試しください。繰り返す場合は、アプリの設定を確認するよう IT 部門に依頼してください。',
  'error.idp-error': 'ID プロバイダーはエラー「{error}」でサインインを拒否しました。IT 部門は ID プロバイダーのログでこのエラーを確認できます。',
  'error.idp-scope-refused':
    'ID プロバイダーは Deskbridge が要求するアクセス許可を拒否しました（{error}）。アプリに openid、profile、email、offline_access のスコープを許可するよう IT 部門に依頼してください。',
  'error.idp-client-refused':
    'ID プロバイダーはこの組織での Deskbridge を受け付けていません（{error}）。アプリの登録（クライアント ID とリダイレクト先 http://127.0.0.1）を確認するよう IT 部門に依頼してください。',
  'error.idp-discovery-invalid': '{issuer} の ID プロバイダーは、この組織に設定されたものとして名乗っていません。組織の設定で発行者 URL を確認してください。',
  'error.state-mismatch':
    'ブラウザーからの応答がこのサインインのものではなかったため、Deskbridge は無視しました。もう一度お試しください。繰り返し起きる場合は、別のプログラムが干渉している可能性があります。',
  'error.invalid-id-token': 'ID プロバイダーからの応答を検証できなかったため、Deskbridge は使用しませんでした。',
  'error.id-token-expired': 'ID プロバイダーからのサインインはすでに期限切れです。もう一度サインインしてください。',
  'error.clock-skew':
    'このコンピューターの時計が ID プロバイダーと約 {minutes} 分ずれています。時計を正しく設定（時刻の自動設定）してから、もう一度サインインしてください。',
  'error.role-trust-refused': 'AWS はこのサインインに対してロール {role} を拒否しました。ロールの信頼ポリシーを確認するよう IT 部門に依頼してください。',
  'error.aws-refused-token':
    'AWS は ID プロバイダーからのサインインを受け入れませんでした。IAM に設定された ID プロバイダーとロールの信頼ポリシーを確認するよう IT 部門に依頼してください。',
  'error.identity-center-refused': 'IAM Identity Center が {operation} を拒否しました（{reason}）。組織の開始 URL とリージョンを確認してください。',
  'error.sign-in-expired': 'サインインの有効期限が切れました。続行するには再度サインインしてください。画面の内容は失われません。',
  'error.sign-in-too-old': 'サインインしてから、組織が許可する時間を超えています。続行するには、もう一度サインインしてください。',
  'error.user-name-missing':
    'ID プロバイダーが WorkSpaces のユーザー名を含むクレーム「{claim}」を送信しませんでした。組織のユーザー名クレームを確認するよう IT 部門に依頼してください。',
  'error.user-name-invalid':
    'ID プロバイダーがクレーム「{claim}」で送信する WorkSpaces のユーザー名は使用できません。AWS が受け付けるのは 1 ～ {max} 文字です。組織のユーザー名クレームを確認するよう IT 部門に依頼してください。',
  'error.invalid-user-name': '1 ～ {max} 文字のユーザー名を入力してください。AWS WorkSpaces はそれより長い名前を受け付けません。',
  'error.not-signed-in': '先にこの組織にサインインしてください。',
  'error.aws-unreachable': 'Deskbridge はサインインのために AWS に接続できませんでした。ネットワーク接続を確認して、もう一度お試しください。',
  'error.idp-response-too-large':
    '組織の ID プロバイダーがサインインに必要な量をはるかに超える応答を送信したため、Deskbridge は読み取りを中止しました。しばらくしてからもう一度お試しください。繰り返し起きる場合は、IT 部門にお問い合わせください。',
  'error.idp-sign-in-too-old':
    'ID プロバイダーは、再度のサインインを求めずに、組織が許可するより古い以前のサインインを使用しました。ブラウザーで ID プロバイダーからサインアウトしてから、ここでもう一度サインインしてください。',
  'error.subject-changed':
    'ID プロバイダーがサインイン中とは別のユーザーとして応答したため、Deskbridge はこのサインインを終了しました。もう一度サインインしてください。',
  'error.saml-invalid-response': 'ID プロバイダーからの応答を SAML 応答として読み取れませんでした。',
  'error.saml-no-role': 'ID プロバイダーから AWS ロールが送られてきませんでした。AWS アプリでロール属性をマッピングするよう IT 部門に依頼してください。',
  'error.saml-role-not-offered': 'このロールは、ID プロバイダーが提示するロールに含まれていません。',
  'error.saml-assertion-expired':
    'ID プロバイダーからのサインインはすでに期限切れでした。もう一度サインインしてください。繰り返し起きる場合は、このコンピューターの時計を確認してください。',
  'error.saml-token-expired':
    'AWS は ID プロバイダーからのサインインを期限切れと判断しました。もう一度サインインしてください。繰り返し起きる場合は、このコンピューターの時計を確認してください。',
  'error.saml-window-closed': 'サインインが完了する前にサインイン ウィンドウが閉じられました。',
  'error.saml-needs-prompt': 'ID プロバイダーが再度のサインインを求めています。',
  'error.no-role-choice': '現在選択できるロールはありません。',
  'error.no-device-code': '入力待ちのコードはありません。',
  'error.browser-failed': 'Deskbridge は Web ブラウザーを開けませんでした。',
  'error.desktops.confirmRebuild': '再構築を確認するには、デスクトップ名（{desktop}）を入力してください。',
  'error.desktops.computeTarget': 'このデスクトップは {target} に変更できません。指定可能: {allowed}。',
  'error.desktops.volumeNothing': 'いずれかのボリュームの新しいサイズを選択してください。',
  'error.desktops.volume.notLarger': 'ボリュームの新しいサイズは現在より大きくする必要があります。',
  'error.desktops.volume.tooLarge': 'ボリュームは最大 2,000 GiB です。',
  'error.desktops.volume.notWhole': 'ボリュームの新しいサイズは GiB 単位の整数で指定してください。',
  'error.desktops.volume.bothAtOnce':
    'AWS ではボリュームを一度に 1 つずつ拡張します。ルート ボリュームかユーザー ボリュームのどちらかを変更し、完了してからもう一方を変更してください。',
  'error.desktops.volume.notCombination':
    'もう一方のボリュームが現在のサイズのままでは、AWS はこのボリュームにそのサイズを提供していません。指定可能（GiB）: {allowed}。',
  'error.desktops.runningModeTarget': 'このデスクトップはすでに {mode} モードで実行されています。',
  'error.desktops.notConnectable': 'デスクトップは {state} の状態のため、現在は接続できません。',
  'error.desktops.notFound': 'このデスクトップはもう一覧にありません。削除されたか、サインアウトされた可能性があります。',
  'error.desktops.busy': 'Deskbridge はすでにこのデスクトップを処理中です。完了するまでお待ちください。',
  'error.desktops.throttled': 'AWS が現在リクエストを制限しています。Deskbridge はまもなく再試行します。',
  'error.desktops.offline': 'Deskbridge は AWS WorkSpaces に接続できません。接続を試行し続けます。',
  'error.desktops.serverError': 'AWS WorkSpaces が現在正しく応答していません。Deskbridge は再試行します。',
  'error.desktops.signInNeeded': '{org} へのサインインが終了しました。デスクトップを表示するには、もう一度サインインしてください。',
  'error.desktops.denied': '組織の AWS ロールではこの操作は許可されていません。WorkSpaces の IAM ポリシーを確認するよう IT 部門に依頼してください。',
  'error.desktops.noRegion': '{org} のリージョンが不明です。組織を編集してリージョンを選択してください。',
  'error.desktops.directoryNotFound': 'この組織の WorkSpaces ディレクトリが見つかりませんでした。組織のディレクトリを確認するよう IT 部門に依頼してください。',
  'error.desktops.paging': 'AWS から送られたデスクトップの一覧を Deskbridge が処理できなかったため、読み込みを中止しました。更新して再試行してください。',
  'error.desktops.connectTagUnknown': 'Deskbridge はこのデスクトップへの接続方法を読み取れませんでした。しばらくしてからもう一度お試しください。',
  'error.desktops.connectFailed': 'デスクトップは起動しませんでした。現在の状態は {state} です。',
  'error.desktops.denied.ownerTag':
    'AWS は「{desktop}」でのこの操作を許可しませんでした。デスクトップの所有者タグに {user} が設定されていません。このデスクトップの所有者タグに WorkSpaces のユーザー名を設定するよう IT 部門に依頼してください。',
  'error.desktops.denied.principalTag':
    'AWS は「{desktop}」でのこの操作を許可しませんでした。サインインに、デスクトップの所有者タグと一致するプリンシパル タグがありませんでした。ID プロバイダーが送信するセッション タグと、ロールのアクセス許可ポリシーを確認するよう IT 部門に依頼してください。',
  'error.desktops.denied.policy':
    'AWS は「{desktop}」でのこの操作を許可しませんでした。ロールのアクセス許可ポリシーで許可されていません。そのポリシーを確認するよう IT 部門に依頼してください。',
  'error.desktops.denied.list':
    'AWS は {user} にデスクトップの表示を許可しませんでした。ロールのアクセス許可ポリシー（WorkSpaces の Describe アクション）を確認するよう IT 部門に依頼してください。',
  'error.desktops.refused.permission': '組織の設定により、ユーザー自身ではこの操作を行えません。IT 部門にお問い合わせください。',
  'error.desktops.refused.state': 'デスクトップの現在の状態では、この操作はできません。',
  'error.desktops.refused.runningMode': 'AlwaysOn のデスクトップは常に稼働しているため、起動も停止もできません。',
  'error.desktops.refused.modification': 'このデスクトップへの変更がまだ進行中です。完了してからもう一度お試しください。',
  'error.aws.InvalidResourceState': 'デスクトップは現在この操作ができる状態ではありません。処理が終わるのを待ってから、もう一度お試しください。',
  'error.aws.changeTooSoon': 'AWS では、この変更は前回の変更から一定時間が経過しないと行えません。時期は詳細をご覧ください。',
  'error.aws.UnsupportedOperation': 'AWS はこのデスクトップでこの操作をサポートしていません（例: AlwaysOn のデスクトップは起動も停止もできません）。',
  'error.aws.OperationInProgress': 'このデスクトップへの別の変更がまだ進行中です。完了してからもう一度お試しください。',
  'error.aws.ResourceNotFound': 'AWS はこのデスクトップをもう認識していません。IT 部門によって削除された可能性があります。',
  'error.aws.UnsupportedWorkspaceConfiguration': 'このデスクトップの構成では、その変更はできません。',
  'error.aws.InvalidParameterValues': '受け付けられない値があったため、AWS は要求を拒否しました。どの値かは詳細をご覧ください。',
  'error.aws.ResourceLimitExceeded': '組織が AWS の上限に達しました。IT 部門にお問い合わせください。',
  'error.aws.other': 'AWS が問題を報告しました。内容は詳細をご覧ください。',
  'error.org-not-found': 'この組織は Deskbridge にもう設定されていません。',
  'error.desktop-not-found': 'このデスクトップは一覧にありません。一覧を更新して、もう一度お試しください。',
  'error.connect-setting-invalid':
    '「{desktop}」には Deskbridge が使用できない接続設定があるため、実行しませんでした。修正するよう IT 部門に依頼してください。',
  'error.desktop-not-ready': '「{desktop}」は使用できません（状態: {state}）。稼働してから接続してください。',
  'error.handoff-no-handler':
    'このコンピューターには Amazon WorkSpaces クライアントがインストールされていません。インストールするか、Web Access を使用してください。',
  'error.handoff-refused': 'Deskbridge は WorkSpaces クライアント用の安全なリンクを作成できませんでした。',
  'error.handoff-failed': 'WorkSpaces クライアントが開きませんでした。',
  'error.session-not-found': 'このセッションは終了しました。デスクトップの一覧からもう一度接続してください。',
  'error.viewer-origin-refused': 'このページはデスクトップへの接続を開けません。',
  'error.vnc-ticket-limit':
    'このデスクトップへの接続が、開いているものと開始中のものを合わせて多すぎます。ビューアー ウィンドウを閉じるか 1 分待ってから、もう一度お試しください。',
  'error.keychain-unavailable': 'パスワードをシステムのキーチェーンに保存できませんでした。次回もう一度入力を求められます。',
  'error.connection-file-failed': 'Deskbridge は一時フォルダーに {protocol} の接続ファイルを書き込めなかったため、デスクトップを開きませんでした。',
  'error.rdp-client-missing': 'このデスクトップは RDP で接続しますが、RDP クライアントがインストールされていません。',
  'error.dcv-client-missing': 'このデスクトップは DCV で接続しますが、Amazon DCV Viewer がインストールされていません。',
  'error.rdp-client-failed': '{client} を起動できなかったか、すぐに終了したため、デスクトップは開きませんでした。',
  'error.dcv-client-failed': '{client} を起動できなかったか、すぐに終了したため、デスクトップは開きませんでした。',
  'error.vnc-unreachable': 'デスクトップに接続できませんでした。',
  'error.vnc-server-closed': 'デスクトップが接続を閉じました。',
  'error.preference-locked': 'この設定は IT 部門が決めているため、ここでは変更できません。',
  'error.desktops.broker.unreachable': 'Deskbridge が組織のブローカーに接続できません。再試行を続けています。',
  'error.desktops.broker.invalidAnswer':
    '組織のブローカーから Deskbridge が理解できない応答が返されたため、使用しませんでした。ブローカーのバージョンを確認するよう IT 部門に依頼してください。',
  'error.desktops.broker.notFound':
    '組織のブローカーは、このデスクトップをあなたのものとして認識していません。削除されたか、別のユーザーに割り当てられた可能性があります。',
  'error.desktops.broker.invalidRequest': '組織のブローカーが要求を無効として拒否しました。理由は詳細に記載されています。',
  'error.network.proxyAuth':
    'プロキシ {proxy} がユーザー名とパスワードを受け付けなかったため、Deskbridge は {host} に接続できませんでした。確認してもう一度お試しいただくか、IT 部門にお問い合わせください。',
  'error.network.proxyCancelled': '{host} に接続するにはプロキシ {proxy} にユーザー名とパスワードが必要ですが、プロキシへのサインインがキャンセルされました。',
  'error.network.proxyUnreachable':
    'Deskbridge はプロキシ {proxy} に接続できませんでした（{host} への経路）。設定 → ネットワークでプロキシを確認するか、IT 部門にお問い合わせください。',
  'error.network.tlsInspection':
    'ネットワークが暗号化通信を検査しており、その証明書が信頼されていません。IT 部門に証明書のインストールを依頼してください。{host} への接続は「{issuer}」によって署名されていました。',
  'error.network.dns':
    '名前 {host} が見つかりませんでした（DNS）。ネットワーク接続を確認してください。ほかのサイトに接続できる場合は IT 部門にお問い合わせください。',
  'error.network.timeout': '{host} から時間内に応答がありませんでした。ネットワーク接続を確認して、もう一度お試しください。',
  'error.network.captivePortal':
    'ネットワークが {host} の代わりに独自のサインインページを返しました（ホテルやゲスト用 Wi-Fi など）。ブラウザーで Web ページを開いてそのサインインを済ませてから、もう一度お試しください。',
  'error.network.invalidProxyUrl':
    'プロキシは http://ホスト:ポート の形式で、ユーザー名やパスワードを含めずに入力してください（必要になると Deskbridge が尋ねます）。',
  'error.network.caFileUnusable': '証明書ファイルを使用できませんでした。証明書を 1 つ以上含む、読み取り可能な PEM ファイルである必要があります。',
  'error.network.locked': 'このネットワーク設定は IT 部門が管理しているため、ここでは変更できません。',
  'error.network.noQuestion': 'そのプロキシのサインイン要求には既に回答済みか、期限が切れています。',
};
