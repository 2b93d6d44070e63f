import type { diagnosticsEn } from './messages-en';

/** 診断機能の日本語メッセージ（i18n/ja.ts に取り込まれます）。 */
export const diagnosticsJa: Record<keyof typeof diagnosticsEn, string> = {
  'diagnostics.open': 'ログ',
  'diagnostics.title': 'Deskbridge のログ',
  'diagnostics.explain': 'メモリ内にのみ保持され、Deskbridge の終了時に消去されます。トークン、キー、パスワードは記録前に取り除かれます。',
  'diagnostics.level': '詳細レベル',
  'diagnostics.level.debug': 'すべて（デバッグ）',
  'diagnostics.level.info': '標準',
  'diagnostics.level.warn': '警告とエラー',
  'diagnostics.level.error': 'エラーのみ',
  'diagnostics.refresh': '更新',
  'diagnostics.export': 'ファイルに保存…',
  'diagnostics.close': '閉じる',
  'diagnostics.empty': 'まだ何も記録されていません。',
  'diagnostics.count': '{count, plural, other {# 件}}（最大 {capacity} 件）',
  'diagnostics.failed': 'ログを読み取れませんでした: {message}',
};
