/**
 * Stable error codes of the API (problem+json `code`) with their user-facing titles.
 * Clients branch on the code; the title is for people. Japanese first, English by i18n.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, ja: '入力内容に誤りがあります。', en: 'The input is invalid.' },
  malformed_request: {
    status: 400,
    ja: 'リクエストの形式が正しくありません。',
    en: 'The request is malformed.',
  },
  unauthenticated: {
    status: 401,
    ja: 'ログインが必要です。もう一度ログインしてください。',
    en: 'Please sign in.',
  },
  invalid_credentials: {
    status: 401,
    ja: '組織コード、ログインID、またはパスワードが正しくありません。',
    en: 'The organisation code, login ID or password is incorrect.',
  },
  operator_invalid_credentials: {
    status: 401,
    ja: 'ログインIDまたはパスワードが正しくありません。',
    en: 'The login ID or password is incorrect.',
  },
  login_throttled: {
    status: 429,
    ja: 'ログインに続けて失敗したため、しばらくログインできません。時間をおいて再度お試しください。',
    en: 'Too many failed sign-ins. Please wait before trying again.',
  },
  mfa_code_invalid: {
    status: 400,
    ja: '確認コードが正しくないか、有効期限が切れています。',
    en: 'The verification code is incorrect or has expired.',
  },
  mfa_not_pending: {
    status: 409,
    ja: '確認コードの入力は必要ありません。',
    en: 'No verification code is awaited.',
  },
  mfa_already_enabled: {
    status: 409,
    ja: '2段階認証は既に設定されています。',
    en: 'Two-step verification is already on.',
  },
  mfa_not_enabled: {
    status: 409,
    ja: '2段階認証は設定されていません。',
    en: 'Two-step verification is not on.',
  },
  mfa_enrolment_not_started: {
    status: 409,
    ja: '2段階認証の設定が開始されていません。最初からやり直してください。',
    en: 'Two-step verification set-up has not been started. Please start again.',
  },
  mfa_required_by_tenant: {
    status: 409,
    ja: '組織の設定で2段階認証が必須のため、解除できません。',
    en: 'Your organisation requires two-step verification, so it cannot be turned off.',
  },
  session_is_current: {
    status: 409,
    ja: '使用中の端末はここでは終了できません。ログアウトしてください。',
    en: 'The current session cannot be ended here. Sign out instead.',
  },
  current_password_incorrect: {
    status: 400,
    ja: '現在のパスワードが正しくありません。',
    en: 'The current password is incorrect.',
  },
  password_reset_link_invalid: {
    status: 400,
    ja: 'このパスワード再設定のリンクは使用できません。有効期限 (30分) が切れたか、既に使用されたか、より新しいリンクが発行されています。もう一度パスワードの再設定をお申し込みください。',
    en: 'This password reset link cannot be used: it has expired (30 minutes), was already used, or a newer link was sent. Please request a new one.',
  },
  forbidden: {
    status: 403,
    ja: 'この操作を行う権限がありません。',
    en: 'You do not have permission for this operation.',
  },
  password_change_required: {
    status: 403,
    ja: '初期パスワードのままです。パスワードを変更してから操作してください。',
    en: 'Please change your initial password before continuing.',
  },
  password_expired: {
    status: 403,
    ja: 'パスワードの有効期限が切れています。パスワードを変更してから操作してください。',
    en: 'Your password has expired. Please change it before continuing.',
  },
  api_token_not_allowed: {
    status: 403,
    ja: 'APIトークンではこの操作を行えません。画面からログインして操作してください。',
    en: 'This operation is not available with an API token. Sign in to the web app instead.',
  },
  mfa_verification_required: {
    status: 403,
    ja: '2段階認証の確認コードを入力してください。',
    en: 'Please enter your two-step verification code.',
  },
  mfa_enrolment_required: {
    status: 403,
    ja: '組織の設定で2段階認証が必須です。2段階認証を設定してから操作してください。',
    en: 'Your organisation requires two-step verification. Please set it up first.',
  },
  tenant_read_only: {
    status: 403,
    ja: 'ご契約が終了しているため、データの登録・変更・削除はできません。参照とエクスポートはご利用いただけます。',
    en: 'Your contract has ended: data can be read and exported but no longer changed.',
  },
  csrf_rejected: {
    status: 403,
    ja: '不正な送信元からのリクエストのため処理できません。画面を再読み込みしてください。',
    en: 'The request was rejected because of its origin. Reload the page.',
  },
  not_found: { status: 404, ja: '対象が見つかりません。', en: 'Not found.' },
  method_not_allowed: {
    status: 405,
    ja: 'この操作は許可されていません。',
    en: 'Method not allowed.',
  },
  customer_code_taken: {
    status: 409,
    ja: 'この得意先コードは既に登録されています。',
    en: 'This customer code is already in use.',
  },
  customer_in_use: {
    status: 409,
    ja: 'この得意先は物件・伝票・他の得意先の請求先などで使われているため削除できません。「使用しない」に変更してください。',
    en: 'This customer is referenced by projects, documents or other customers and cannot be deleted. Mark it as not in use instead.',
  },
  supplier_code_taken: {
    status: 409,
    ja: 'この仕入先コードは既に登録されています。',
    en: 'This supplier code is already in use.',
  },
  supplier_in_use: {
    status: 409,
    ja: 'この仕入先は伝票や他の仕入先の支払先などで使われているため削除できません。「使用しない」に変更してください。',
    en: 'This supplier is referenced by documents or other suppliers and cannot be deleted. Mark it as not in use instead.',
  },
  user_in_use: {
    status: 409,
    ja: 'この担当者は得意先・仕入先の担当者として設定されているため削除できません。「無効」にしてください。',
    en: 'This user is the staff member of customers or suppliers and cannot be deleted. Deactivate the account instead.',
  },
  code_numbering_exhausted: {
    status: 409,
    ja: '自動採番の番号を使い切りました。システム設定で桁数を増やしてください。',
    en: 'Auto-numbering has run out of codes at this width. Increase the width in the settings.',
  },
  department_code_taken: {
    status: 409,
    ja: 'この部門コードは既に登録されています。',
    en: 'This department code is already in use.',
  },
  department_in_use: {
    status: 409,
    ja: 'この部門は得意先・仕入先などで使われているため削除できません。「使用しない」に変更してください。',
    en: 'This department is used by customers, suppliers or documents and cannot be deleted. Mark it as not in use instead.',
  },
  project_code_taken: {
    status: 409,
    ja: 'この物件コードは既に登録されています。',
    en: 'This project code is already in use.',
  },
  project_in_use: {
    status: 409,
    ja: 'この物件は伝票で使われているため削除できません。「使用しない」に変更してください。',
    en: 'This project is used by documents and cannot be deleted. Mark it as not in use instead.',
  },
  product_code_taken: {
    status: 409,
    ja: 'この商品コードは既に登録されています。',
    en: 'This product code is already in use.',
  },
  product_in_use: {
    status: 409,
    ja: 'この商品は得意先別単価や伝票で使われているため削除できません。「使用しない」にチェックを付けてください。',
    en: 'This product is used by partner prices or documents and cannot be deleted. Mark it as not in use instead.',
  },
  partner_price_taken: {
    status: 409,
    ja: 'この取引先には同じ適用開始日の単価が既に登録されています。',
    en: 'This partner already has a price for this product from the same date.',
  },
  unit_name_taken: {
    status: 409,
    ja: 'この単位は既に登録されています。',
    en: 'This unit is already in the list.',
  },
  tax_rate_code_taken: {
    status: 409,
    ja: 'この税率コードは既に使われています。',
    en: 'This tax-rate code is already in use.',
  },
  tax_rate_in_use: {
    status: 409,
    ja: 'この税率は商品で使われているため削除できません。「明細の選択肢に表示しない」にしてください。',
    en: 'Products use this tax rate, so it cannot be deleted. Hide it instead.',
  },
  tax_rate_preset_locked: {
    status: 409,
    ja: '標準の税率は、税率・区分・適用期間を変更できません。印字名・表示順・非表示のみ変更できます。',
    en: 'A preset tax rate only allows its printed name, order and visibility to change.',
  },
  login_id_taken: {
    status: 409,
    ja: 'このログインIDは既に使われています。',
    en: 'This login ID is already in use.',
  },
  seat_limit_reached: {
    status: 409,
    ja: '契約の利用人数の上限に達しているため、有効な担当者を増やせません。不要な担当者を無効にするか、契約の人数を増やしてください。',
    en: 'The contract seat limit is reached. Disable a user or raise the number of seats.',
  },
  last_org_admin: {
    status: 409,
    ja: '有効な組織管理者が一人もいなくなるため、この操作はできません。先に別の担当者を組織管理者にしてください。',
    en: 'This would leave no active organisation admin. Make another user an admin first.',
  },
  permission_group_name_taken: {
    status: 409,
    ja: 'このグループ名は既に使われています。',
    en: 'This group name is already in use.',
  },
  permission_group_in_use: {
    status: 409,
    ja: 'このアクセス権限グループを使用している担当者がいるため削除できません。先に担当者のグループを変更してください。',
    en: 'Users still belong to this permission group. Move them to another group first.',
  },
  bank_account_limit_reached: {
    status: 409,
    ja: '振込先は10件まで登録できます。使わない振込先を削除してから追加してください。',
    en: 'Up to 10 bank accounts can be registered. Remove one first.',
  },
  image_invalid: {
    status: 400,
    ja: '画像として読み取れません。PNG または JPEG の画像ファイルを選んでください。',
    en: 'The file is not a readable PNG or JPEG image.',
  },
  image_type_mismatch: {
    status: 400,
    ja: 'ファイルの種類と中身が一致しません。画像を保存し直してから選んでください。',
    en: 'The file type does not match its content.',
  },
  image_dimensions_exceeded: {
    status: 400,
    ja: '画像が大きすぎます。縦横とも2000ピクセル以内の画像を選んでください。',
    en: 'The image is too large. Use at most 2000 × 2000 pixels.',
  },
  image_too_large: {
    status: 413,
    ja: '画像のファイルサイズが大きすぎます。1MB以下の画像を選んでください。',
    en: 'The image file is too large. Use at most 1 MB.',
  },
  import_file_too_large: {
    status: 413,
    ja: 'ファイルが大きすぎます。30MB以下のファイルを選んでください。',
    en: 'The file is too large. Use at most 30 MB.',
  },
  import_file_empty: {
    status: 400,
    ja: 'ファイルが空です。',
    en: 'The file is empty.',
  },
  import_job_not_ready: {
    status: 409,
    ja: 'この取り込みは実行できる状態ではありません。プレビューのエラーを直したファイルで、もう一度やり直してください。',
    en: 'This import cannot run in its current state. Fix the preview errors and upload the file again.',
  },
  export_unencodable: {
    status: 422,
    ja: 'Shift_JIS（CP932）で表せない文字があります。UTF-8 で出力するか、該当するデータを修正してください。',
    en: 'Some characters cannot be written in Shift_JIS (CP932). Export as UTF-8 or correct the data.',
  },
  export_too_many_rows: {
    status: 400,
    ja: '出力できるのは100,000件までです。条件を絞り込んでください。',
    en: 'At most 100,000 rows can be exported. Narrow the search.',
  },
  tenant_code_taken: {
    status: 409,
    ja: 'この組織コードは既に使われています。別のコードを指定してください。',
    en: 'This organisation code is already taken.',
  },
  seat_limit_below_usage: {
    status: 409,
    ja: '利用中の担当者数より少ない席数にはできません。',
    en: 'The seat limit cannot be lower than the seats in use.',
  },
  tenant_not_in_trial: {
    status: 409,
    ja: 'この組織は無料トライアル中ではありません。',
    en: 'This organisation is not on a free trial.',
  },
  tenant_contract_ended: {
    status: 409,
    ja: 'この組織の契約は既に終了しています。',
    en: 'This organisation’s contract has already ended.',
  },
  classification_in_use: {
    status: 409,
    ja: 'この分類は得意先・仕入先で使われています。移動先を選ぶか、分類を外すかを指定してください。',
    en: 'Partners use this classification. Choose where to move them or clear it.',
  },
  classification_not_found: {
    status: 400,
    ja: '指定された分類項目が見つかりません。画面を開き直してください。',
    en: 'The classification item was not found. Reopen the screen.',
  },
  classification_axis_limit: {
    status: 409,
    ja: '分類は5つまでです。使わない分類の名前を変えてお使いください。',
    en: 'At most five classifications are allowed. Rename one you do not use.',
  },
  classification_name_taken: {
    status: 409,
    ja: 'この分類名は既に登録されています。',
    en: 'This classification name is already in use.',
  },
  classification_item_code_taken: {
    status: 409,
    ja: 'この項目コードは既に登録されています。',
    en: 'This item code is already in use.',
  },
  classification_order_stale: {
    status: 409,
    ja: '他の担当者が並び順か項目を変更しました。画面を開き直してください。',
    en: 'Someone else changed the list. Reopen it and try again.',
  },
  classification_bulk_too_many: {
    status: 400,
    ja: '一度に変更できるのは10,000件までです。条件で絞り込んでください。',
    en: 'At most 10,000 partners can be changed at once. Narrow the search.',
  },
  incident_already_declared: {
    status: 409,
    ja: 'この障害は既に告知済みです。',
    en: 'This incident has already been declared.',
  },
  incident_not_declared: {
    status: 409,
    ja: 'この障害はまだ告知されていません。先に告知してください。',
    en: 'This incident has not been declared yet.',
  },
  incident_resolved: {
    status: 409,
    ja: 'この障害は既に解消済みです。',
    en: 'This incident is already resolved.',
  },
  inquiry_closed: {
    status: 409,
    ja: 'この問い合わせは終了しています。',
    en: 'This inquiry is closed.',
  },
  version_conflict: {
    status: 409,
    ja: '他の担当者が先に更新しました。画面を開き直してから修正してください。',
    en: 'Someone else updated this record first. Reopen it and try again.',
  },
  uri_too_long: {
    status: 414,
    ja: 'URL が長すぎます。',
    en: 'The URL is too long.',
  },
  payload_too_large: {
    status: 413,
    ja: '送信データが大きすぎます。',
    en: 'The request is too large.',
  },
  unsupported_media_type: {
    status: 415,
    ja: 'この形式のデータは受け付けられません。',
    en: 'Unsupported media type.',
  },
  rate_limited: {
    status: 429,
    ja: 'リクエストが多すぎます。しばらく待ってから再度お試しください。',
    en: 'Too many requests. Please wait and try again.',
  },
  tenant_rate_limited: {
    status: 429,
    ja: 'ご利用の組織からのリクエストが集中しています。しばらく待ってから再度お試しください。',
    en: 'Your organisation is sending too many requests. Please wait and try again.',
  },
  bulk_operation_busy: {
    status: 429,
    ja: 'エクスポートなどの大きな処理が同時に実行できる数を超えています。実行中の処理が終わってから再度お試しください。',
    en: 'Too many exports or other bulk operations are running. Please try again when they have finished.',
  },
  internal_error: {
    status: 500,
    ja: 'システムエラーが発生しました。時間をおいて再度お試しください。',
    en: 'An internal error occurred. Please try again later.',
  },
  database_unavailable: {
    status: 503,
    ja: 'ただいまサービスに接続できません。しばらく待ってから再度お試しください。',
    en: 'The service is temporarily unavailable. Please try again shortly.',
  },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];
