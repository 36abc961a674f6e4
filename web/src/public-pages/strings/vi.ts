import type { PublicStrings } from '../strings.ts';

/** The public pages' strings in Vietnamese (drafted without a native-speaker review). */
const vi: PublicStrings = {
  appName: 'Homeward',
  skipToContent: 'Chuyển đến nội dung chính',
  language: 'Ngôn ngữ',
  quickExit: 'Thoát nhanh',
  quickExitHint: 'Nhấn Esc hoặc Thoát nhanh bất cứ lúc nào để rời khỏi trang này ngay lập tức.',
  checkTitle: 'Lời mời làm việc này có an toàn không?',
  checkIntro:
    'Dán tin tuyển dụng hoặc tin nhắn của người tuyển dụng. Bạn sẽ thấy mức độ rủi ro, lý do, và những điều cần kiểm tra trước khi đi.',
  privacyNote:
    'Nội dung bạn dán không được lưu lại: chỉ được kiểm tra rồi xóa. Không cookie, không tài khoản, không theo dõi.',
  textLabel: 'Tin tuyển dụng hoặc tin nhắn',
  textHint:
    'Sao chép toàn bộ nội dung, kể cả mức lương, nơi làm việc và cách họ muốn bạn liên lạc.',
  moreDetails: 'Thêm thông tin về lời mời (không bắt buộc)',
  titleLabel: 'Tên công việc',
  salaryLabel: 'Mức lương được hứa',
  locationLabel: 'Nơi làm việc theo tin tuyển dụng',
  destinationLabel: 'Quốc gia bạn sẽ đến',
  channelLabel: 'Bạn nhận được lời mời này qua đâu',
  channelNone: 'Chọn (không bắt buộc)',
  channel_social_media: 'Mạng xã hội (Facebook, TikTok…)',
  channel_messaging_app: 'Ứng dụng nhắn tin (Telegram, WhatsApp, Zalo…)',
  channel_friend_or_relative: 'Bạn bè hoặc người thân',
  channel_job_site: 'Trang web việc làm',
  channel_agency: 'Công ty môi giới việc làm',
  channel_other: 'Cách khác',
  checkButton: 'Kiểm tra lời mời này',
  checking: 'Đang kiểm tra…',
  resultTitle: 'Kết quả',
  risk_high: 'Rủi ro cao',
  risk_medium: 'Có rủi ro',
  risk_low: 'Rủi ro thấp',
  riskExplain_high:
    'Lời mời này có dấu hiệu rõ ràng của lừa đảo hoặc mua bán người. Đừng đi trước khi bạn kiểm tra kỹ.',
  riskExplain_medium:
    'Lời mời này có một số dấu hiệu cảnh báo. Hãy kiểm tra kỹ trước khi quyết định.',
  riskExplain_low:
    'Chúng tôi thấy ít dấu hiệu cảnh báo. Điều này không chứng minh lời mời an toàn: vẫn nên kiểm tra.',
  chanceLabel: 'Khả năng ước tính đây là lừa đảo: {percent}',
  chance_very_low: 'rất khó xảy ra',
  chance_low: 'khó xảy ra',
  chance_some: 'có thể',
  chance_likely: 'nhiều khả năng',
  chance_very_likely: 'rất nhiều khả năng',
  reasonsTitle: 'Lý do',
  reasonsNone: 'Không tìm thấy dấu hiệu cảnh báo cụ thể nào trong nội dung này.',
  reasonRaises: 'làm tăng rủi ro',
  reasonLowers: 'làm giảm rủi ro',
  reasonSource: 'Nguồn ghi nhận dấu hiệu này',
  reasonKindRule: 'Dấu hiệu cảnh báo đã biết',
  reasonKindModel: 'Trong cách viết',
  adviceTitle: 'Trước khi đi',
  reportTitle: 'Báo cáo tin này',
  reportExplain:
    'Nếu bạn nghĩ tin này là lừa đảo, bạn có thể báo cho các tổ chức bảo vệ mọi người khỏi nạn mua bán người. Chỉ nội dung tin, cách tin đến với bạn và các quốc gia được lưu lại; không tên, không địa chỉ, không gì về bạn.',
  originLabel: 'Quốc gia của bạn (không bắt buộc)',
  reportButton: 'Báo cáo tin này',
  reporting: 'Đang gửi…',
  reportDone: 'Cảm ơn bạn. Tin này đã được báo cáo. Không có thông tin nào về bạn được gửi đi.',
  reportFailed: 'Không gửi được báo cáo. Không có gì được lưu lại. Vui lòng thử lại sau.',
  findHelp: 'Tìm trợ giúp',
  findHelpIntro: 'Lo lắng về một lời mời, hoặc về người đã đi rồi?',
  errorEmpty: 'Hãy dán nội dung tin tuyển dụng hoặc tin nhắn trước.',
  errorTooLong: 'Nội dung quá dài. Chỉ dán tin tuyển dụng hoặc tin nhắn (tối đa 20.000 ký tự).',
  errorInvalid: 'Không thể kiểm tra nội dung này. Chỉ dán văn bản thông thường.',
  errorRateLimited:
    'Có quá nhiều lượt kiểm tra từ kết nối này. Vui lòng đợi {minutes} phút rồi thử lại.',
  errorNetwork: 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
  errorServer: 'Đã có lỗi từ phía chúng tôi. Vui lòng thử lại sau.',
  helpTitle: 'Tìm trợ giúp',
  helpIntro:
    'Nếu một lời mời làm việc khiến bạn lo lắng, hoặc người bạn quen đã ra nước ngoài làm việc và không thể về, bạn không đơn độc.',
  helpNowTitle: 'Những điều bạn có thể làm ngay',
  helpNow1: 'Nếu bạn hoặc ai đó đang gặp nguy hiểm, hãy gọi số khẩn cấp tại nơi bạn ở.',
  helpNow2:
    'Không bao giờ giao hộ chiếu hoặc căn cước cho chủ lao động hay người tuyển dụng. Giữ một bản sao ở nơi an toàn.',
  helpNow3:
    'Trước khi đi, hãy cho gia đình biết tên công ty, địa chỉ và số điện thoại của người tuyển dụng, và thống nhất một mật khẩu an toàn.',
  helpNow4:
    'Kiểm tra công ty với đại sứ quán, bộ lao động hoặc một công ty môi giới được cấp phép ở nước bạn trước khi đi.',
  helpNow5:
    'Nếu ai đó đã bị giữ lại, hãy ghi lại mọi điều bạn biết: nơi chốn, công ty, số điện thoại và ngày tháng.',
  helpDirectoryTitle: 'Các tổ chức có thể giúp',
  helpDirectory:
    'Danh bạ các tổ chức có thể giúp, theo quốc gia và ngôn ngữ, sắp có trên trang này. Danh bạ chưa sẵn sàng, nên trang này chưa ghi số điện thoại nào: chúng tôi không muốn bạn gọi nhầm số.',
  helpBack: 'Kiểm tra lời mời làm việc',
  footer:
    'Homeward là phần mềm mã nguồn mở do các tổ chức hỗ trợ người sống sót sau nạn mua bán người vận hành.',
};

export default vi;
