import type { PublicStrings } from '../strings.ts';

/** The public pages' strings in Indonesian (drafted without a native-speaker review). */
const id: PublicStrings = {
  appName: 'Homeward',
  skipToContent: 'Langsung ke isi utama',
  language: 'Bahasa',
  quickExit: 'Keluar cepat',
  quickExitHint: 'Tekan Esc atau Keluar cepat kapan saja untuk segera meninggalkan halaman ini.',
  checkTitle: 'Apakah tawaran kerja ini aman?',
  checkIntro:
    'Tempelkan iklan lowongan atau pesan dari perekrut. Anda akan melihat seberapa berisiko tawaran itu, alasannya, dan apa yang perlu diperiksa sebelum berangkat.',
  privacyNote:
    'Teks yang Anda tempel tidak disimpan: diperiksa lalu dilupakan. Tanpa cookie, tanpa akun, tanpa pelacakan.',
  textLabel: 'Iklan atau pesan',
  textHint: 'Salin seluruh teks, termasuk gaji, tempat kerja, dan cara mereka minta dihubungi.',
  moreDetails: 'Keterangan lain tentang tawaran (tidak wajib)',
  titleLabel: 'Nama pekerjaan',
  salaryLabel: 'Gaji yang ditawarkan',
  locationLabel: 'Lokasi kerja menurut iklan',
  destinationLabel: 'Negara tujuan Anda',
  channelLabel: 'Dari mana tawaran ini datang',
  channelNone: 'Pilih (tidak wajib)',
  channel_social_media: 'Media sosial (Facebook, TikTok…)',
  channel_messaging_app: 'Aplikasi pesan (Telegram, WhatsApp, Line…)',
  channel_friend_or_relative: 'Teman atau saudara',
  channel_job_site: 'Situs lowongan kerja',
  channel_agency: 'Agen penyalur tenaga kerja',
  channel_other: 'Cara lain',
  checkButton: 'Periksa tawaran ini',
  checking: 'Sedang memeriksa…',
  resultTitle: 'Hasil',
  risk_high: 'Risiko tinggi',
  risk_medium: 'Ada risiko',
  risk_low: 'Risiko rendah',
  riskExplain_high:
    'Tawaran ini punya tanda kuat penipuan atau perdagangan orang. Jangan berangkat sebelum Anda memeriksanya.',
  riskExplain_medium:
    'Tawaran ini punya beberapa tanda bahaya. Periksa baik-baik sebelum memutuskan.',
  riskExplain_low:
    'Kami menemukan sedikit tanda bahaya. Ini tidak membuktikan tawaran itu aman: tetap periksa.',
  chanceLabel: 'Perkiraan peluang bahwa ini penipuan: {percent}',
  chance_very_low: 'sangat kecil kemungkinannya',
  chance_low: 'kecil kemungkinannya',
  chance_some: 'mungkin',
  chance_likely: 'kemungkinan besar',
  chance_very_likely: 'sangat mungkin',
  reasonsTitle: 'Alasannya',
  reasonsNone: 'Tidak ditemukan tanda bahaya khusus dalam teks ini.',
  reasonRaises: 'menaikkan risiko',
  reasonLowers: 'menurunkan risiko',
  reasonSource: 'Sumber tentang tanda ini',
  reasonKindRule: 'Tanda bahaya yang dikenal',
  reasonKindModel: 'Dari kata-katanya',
  adviceTitle: 'Sebelum berangkat',
  reportTitle: 'Laporkan iklan ini',
  reportExplain:
    'Jika Anda menduga iklan ini penipuan, Anda bisa melaporkannya kepada organisasi yang melindungi orang dari perdagangan orang. Hanya teks iklan, cara iklan itu sampai kepada Anda, dan negaranya yang disimpan; tanpa nama, tanpa alamat, tanpa data tentang Anda.',
  originLabel: 'Negara Anda (tidak wajib)',
  reportButton: 'Laporkan iklan ini',
  reporting: 'Mengirim…',
  reportDone: 'Terima kasih. Iklan ini sudah dilaporkan. Tidak ada data tentang Anda yang dikirim.',
  reportFailed: 'Laporan tidak dapat dikirim. Tidak ada yang disimpan. Silakan coba lagi nanti.',
  findHelp: 'Cari bantuan',
  findHelpIntro: 'Khawatir tentang sebuah tawaran, atau tentang orang yang sudah berangkat?',
  errorEmpty: 'Tempelkan dulu teks iklan atau pesannya.',
  errorTooLong:
    'Teks ini terlalu panjang. Tempelkan iklan atau pesannya saja (paling banyak 20.000 karakter).',
  errorInvalid: 'Teks ini tidak dapat diperiksa. Tempelkan teks biasa saja.',
  errorRateLimited:
    'Terlalu banyak pemeriksaan dari koneksi ini. Tunggu {minutes} menit lalu coba lagi.',
  errorNetwork: 'Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.',
  errorServer: 'Terjadi kesalahan di pihak kami. Silakan coba lagi nanti.',
  helpTitle: 'Cari bantuan',
  helpIntro:
    'Jika sebuah tawaran kerja membuat Anda khawatir, atau orang yang Anda kenal bekerja ke luar negeri dan tidak bisa pulang, Anda tidak sendirian.',
  helpNowTitle: 'Yang bisa Anda lakukan sekarang',
  helpNow1: 'Jika Anda atau orang lain dalam bahaya sekarang, hubungi nomor darurat setempat.',
  helpNow2:
    'Jangan pernah menyerahkan paspor atau KTP kepada majikan atau perekrut. Simpan salinannya di tempat aman.',
  helpNow3:
    'Sebelum berangkat, beri tahu keluarga nama perusahaan, alamatnya, dan nomor telepon perekrut, lalu sepakati sebuah kata rahasia.',
  helpNow4:
    'Periksa perusahaan itu ke kedutaan, kementerian ketenagakerjaan, atau agen resmi di negara Anda sebelum berangkat.',
  helpNow5:
    'Jika seseorang sudah ditahan, catat semua yang Anda ketahui: tempat, perusahaan, nomor telepon, dan tanggal.',
  helpDirectoryTitle: 'Organisasi yang bisa membantu',
  helpDirectory:
    'Daftar organisasi yang bisa membantu, menurut negara dan bahasa, akan segera ada di situs ini. Daftar itu belum siap, jadi halaman ini belum mencantumkan nomor apa pun: kami tidak ingin Anda menghubungi nomor yang salah.',
  helpBack: 'Periksa tawaran kerja',
  footer:
    'Homeward adalah perangkat lunak sumber terbuka yang dijalankan oleh organisasi pendamping penyintas perdagangan orang.',
};

export default id;
