/**
 * The public pages' own strings in English: the reference every other language file must match
 * key for key (`PublicStrings`). The checker's reasons and advice come from the API instead.
 */
const en = {
  appName: 'Homeward',
  skipToContent: 'Skip to the main content',
  language: 'Language',
  quickExit: 'Quick exit',
  quickExitHint: 'Press Esc or Quick exit at any time to leave this page at once.',
  checkTitle: 'Is this job offer safe?',
  checkIntro:
    'Paste a job advert or a message from a recruiter. You will see how risky it looks, why, and what to check before you go.',
  privacyNote:
    'Nothing you paste is kept: it is checked and forgotten. No cookies, no account, no tracking.',
  textLabel: 'The advert or message',
  textHint: 'Copy the whole text, including the pay, the place and how they want to be contacted.',
  moreDetails: 'More about the offer (optional)',
  titleLabel: 'Job title',
  salaryLabel: 'Pay offered',
  locationLabel: 'Where the advert says the job is',
  destinationLabel: 'Country you would travel to',
  channelLabel: 'How the offer reached you',
  channelNone: 'Choose (optional)',
  channel_social_media: 'Social media (Facebook, TikTok…)',
  channel_messaging_app: 'Messaging app (Telegram, WhatsApp, Line…)',
  channel_friend_or_relative: 'A friend or relative',
  channel_job_site: 'A job website',
  channel_agency: 'A recruitment agency',
  channel_other: 'Another way',
  checkButton: 'Check this offer',
  checking: 'Checking…',
  resultTitle: 'Result',
  risk_high: 'High risk',
  risk_medium: 'Some risk',
  risk_low: 'Low risk',
  riskExplain_high:
    'This offer has strong signs of a scam or of trafficking. Do not go before you have checked it.',
  riskExplain_medium: 'This offer has some warning signs. Check it carefully before you decide.',
  riskExplain_low:
    'We found few warning signs. This does not prove the offer is safe: still check it.',
  chanceLabel: 'Estimated chance that it is a scam: {percent}',
  chance_very_low: 'very unlikely',
  chance_low: 'unlikely',
  chance_some: 'possible',
  chance_likely: 'likely',
  chance_very_likely: 'very likely',
  reasonsTitle: 'Why',
  reasonsNone: 'No specific warning signs were found in this text.',
  reasonRaises: 'raises the risk',
  reasonLowers: 'lowers the risk',
  reasonSource: 'Where this sign is documented',
  reasonKindRule: 'Known warning sign',
  reasonKindModel: 'In the wording',
  adviceTitle: 'Before you go',
  reportTitle: 'Report this advert',
  reportExplain:
    'If you think this advert is a scam, you can report it to organisations that protect people from trafficking. Only the advert text, the way it reached you and the countries are kept; no name, no address, nothing about you.',
  originLabel: 'Your country (optional)',
  reportButton: 'Report this advert',
  reporting: 'Sending…',
  reportDone: 'Thank you. The advert was reported. Nothing about you was sent.',
  reportFailed: 'The report could not be sent. Nothing was kept. Please try again later.',
  findHelp: 'Find help',
  findHelpIntro: 'Worried about an offer, or about someone who already went?',
  errorEmpty: 'Paste the text of the advert or message first.',
  errorTooLong:
    'This text is too long. Paste only the advert or the message (at most 20,000 characters).',
  errorInvalid: 'This text could not be checked. Paste plain text only.',
  errorRateLimited:
    'Too many checks from this connection. Please wait {minutes} minute(s) and try again.',
  errorNetwork: 'The check could not reach the server. Check your connection and try again.',
  errorServer: 'Something went wrong on our side. Please try again later.',
  helpTitle: 'Find help',
  helpIntro:
    'If a job offer worries you, or someone you know went abroad for work and cannot come back, you are not alone.',
  helpNowTitle: 'What you can do now',
  helpNow1: 'If you or someone else is in danger now, call the local emergency number.',
  helpNow2:
    'Never hand over your passport or ID card to an employer or recruiter. Keep a copy somewhere safe.',
  helpNow3:
    'Before you travel, tell your family the name of the company, the address and the phone number of the person who recruited you, and agree on a safe word.',
  helpNow4:
    'Check the company with the embassy, the labour ministry or a licensed agency of your own country before you go.',
  helpNow5:
    'If someone is already held, write down everything you know: place, company, phone numbers and dates.',
  helpDirectoryTitle: 'Organisations that can help',
  helpDirectory:
    'A directory of organisations that can help, by country and language, is coming to this site. It is not ready yet, so this page lists no numbers: we do not want to send you to a wrong one.',
  helpBack: 'Check a job offer',
  footer:
    'Homeward is open-source software run by organisations that support survivors of trafficking.',
} as const;

export default en;
