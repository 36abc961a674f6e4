import type { PublicStrings } from '../strings.ts';

/** The public pages' strings in Filipino (drafted without a native-speaker review). */
const fil: PublicStrings = {
  appName: 'Homeward',
  skipToContent: 'Lumaktaw sa pangunahing nilalaman',
  language: 'Wika',
  quickExit: 'Mabilis na pag-alis',
  quickExitHint:
    'Pindutin ang Esc o ang Mabilis na pag-alis anumang oras para agad na umalis sa pahinang ito.',
  checkTitle: 'Ligtas ba ang alok na trabahong ito?',
  checkIntro:
    'I-paste ang anunsiyo ng trabaho o mensahe mula sa recruiter. Makikita mo kung gaano ito kapanganib, bakit, at ano ang dapat suriin bago ka umalis.',
  privacyNote:
    'Hindi itinatago ang anumang i-paste mo: sinusuri ito at kinakalimutan. Walang cookie, walang account, walang pagsubaybay.',
  textLabel: 'Ang anunsiyo o mensahe',
  textHint:
    'Kopyahin ang buong teksto, kasama ang sahod, ang lugar at kung paano ka nila gustong kontakin.',
  moreDetails: 'Iba pang detalye ng alok (hindi kailangan)',
  titleLabel: 'Pangalan ng trabaho',
  salaryLabel: 'Inaalok na sahod',
  locationLabel: 'Lugar ng trabaho ayon sa anunsiyo',
  destinationLabel: 'Bansang pupuntahan mo',
  channelLabel: 'Paano dumating sa iyo ang alok',
  channelNone: 'Pumili (hindi kailangan)',
  channel_social_media: 'Social media (Facebook, TikTok…)',
  channel_messaging_app: 'Messaging app (Telegram, WhatsApp, Viber…)',
  channel_friend_or_relative: 'Kaibigan o kamag-anak',
  channel_job_site: 'Website ng trabaho',
  channel_agency: 'Recruitment agency',
  channel_other: 'Ibang paraan',
  checkButton: 'Suriin ang alok na ito',
  checking: 'Sinusuri…',
  resultTitle: 'Resulta',
  risk_high: 'Mataas na panganib',
  risk_medium: 'May panganib',
  risk_low: 'Mababang panganib',
  riskExplain_high:
    'May malalakas na palatandaan ng scam o human trafficking ang alok na ito. Huwag umalis hangga’t hindi mo ito nasusuri.',
  riskExplain_medium: 'May ilang babala ang alok na ito. Suriin itong mabuti bago ka magpasya.',
  riskExplain_low:
    'Kakaunti ang nakitang babala. Hindi nito pinapatunayang ligtas ang alok: suriin pa rin ito.',
  chanceLabel: 'Tinatayang posibilidad na scam ito: {percent}',
  chance_very_low: 'napakaliit ang posibilidad',
  chance_low: 'maliit ang posibilidad',
  chance_some: 'posible',
  chance_likely: 'malamang',
  chance_very_likely: 'napakalamang',
  reasonsTitle: 'Bakit',
  reasonsNone: 'Walang nakitang tiyak na babala sa tekstong ito.',
  reasonRaises: 'nagpapataas ng panganib',
  reasonLowers: 'nagpapababa ng panganib',
  reasonSource: 'Pinagmulan ng babalang ito',
  reasonKindRule: 'Kilalang babala',
  reasonKindModel: 'Sa pananalita',
  adviceTitle: 'Bago ka umalis',
  reportTitle: 'I-report ang anunsiyong ito',
  reportExplain:
    'Kung sa tingin mo ay scam ang anunsiyong ito, maaari mo itong i-report sa mga organisasyong nagtatanggol sa mga tao laban sa human trafficking. Ang teksto lang ng anunsiyo, kung paano ito dumating sa iyo at ang mga bansa ang itinatago; walang pangalan, walang address, walang tungkol sa iyo.',
  originLabel: 'Ang bansa mo (hindi kailangan)',
  reportButton: 'I-report ang anunsiyong ito',
  reporting: 'Ipinapadala…',
  reportDone: 'Salamat. Nai-report na ang anunsiyo. Walang ipinadalang impormasyon tungkol sa iyo.',
  reportFailed: 'Hindi naipadala ang report. Walang itinago. Pakisubukang muli mamaya.',
  findHelp: 'Humanap ng tulong',
  findHelpIntro: 'Nag-aalala ka ba sa isang alok, o sa taong nakaalis na?',
  errorEmpty: 'I-paste muna ang teksto ng anunsiyo o mensahe.',
  errorTooLong:
    'Masyadong mahaba ang teksto. I-paste lang ang anunsiyo o mensahe (hanggang 20,000 character).',
  errorInvalid: 'Hindi masuri ang tekstong ito. Payak na teksto lang ang i-paste.',
  errorRateLimited:
    'Masyadong maraming pagsusuri mula sa koneksyong ito. Maghintay ng {minutes} minuto at subukang muli.',
  errorNetwork: 'Hindi maabot ang server. Suriin ang iyong koneksyon at subukang muli.',
  errorServer: 'May nangyaring mali sa aming panig. Pakisubukang muli mamaya.',
  helpTitle: 'Humanap ng tulong',
  helpIntro:
    'Kung nag-aalala ka sa isang alok na trabaho, o may kakilala kang nagtrabaho sa ibang bansa at hindi makauwi, hindi ka nag-iisa.',
  helpNowTitle: 'Ang magagawa mo ngayon',
  helpNow1: 'Kung ikaw o ibang tao ay nasa panganib ngayon, tawagan ang lokal na emergency number.',
  helpNow2:
    'Huwag kailanman ibigay ang pasaporte o ID mo sa employer o recruiter. Magtago ng kopya sa ligtas na lugar.',
  helpNow3:
    'Bago umalis, sabihin sa pamilya ang pangalan ng kompanya, ang address at ang numero ng recruiter, at magkasundo sa isang lihim na salita.',
  helpNow4:
    'Suriin ang kompanya sa embahada, sa ahensiya ng paggawa o sa lisensiyadong agency ng iyong bansa bago umalis.',
  helpNow5:
    'Kung may hawak na ang isang tao, isulat ang lahat ng alam mo: lugar, kompanya, mga numero ng telepono at mga petsa.',
  helpDirectoryTitle: 'Mga organisasyong makatutulong',
  helpDirectory:
    'Darating sa site na ito ang listahan ng mga organisasyong makatutulong, ayon sa bansa at wika. Hindi pa ito handa, kaya walang numerong nakalista rito: ayaw naming tumawag ka sa maling numero.',
  helpBack: 'Suriin ang alok na trabaho',
  footer:
    'Ang Homeward ay open-source na software na pinatatakbo ng mga organisasyong tumutulong sa mga survivor ng human trafficking.',
};

export default fil;
