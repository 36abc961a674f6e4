/**
 * Name material for the synthetic cases of `bench/cases-generate.ts`, per nationality. Entries are
 * `native:Latin` where the script is not Latin (the Latin side is the usual spelling a caseworker
 * or a passport would use, not the any-ascii romanisation), or just the name in Latin script.
 * Lists are ordered roughly from common to rare: the generator picks with Zipf-like weights, so
 * common names repeat across many cases (near-duplicates, as in real case loads) while the
 * combinations (compound surnames, middle names, syllable names) keep the overall diversity high.
 */

/** How the parts of a name combine for a nationality. */
export type NameShape =
  /** given + family (Thai, Khmer family-first in speech but stored as given/family, etc.). */
  | 'given-family'
  /** given + middle + family (Vietnamese: Nguyễn Thị Lan → family Nguyễn, given "Thị Lan"). */
  | 'given-middle-family'
  /** Burmese: no family name; 2–3 syllables, the last one or two stored as `family`. */
  | 'syllables'
  /** Chinese: family name + one or two given characters. */
  | 'chinese';

export interface NationalityNames {
  code: string;
  /** ISO 15924 script of the primary name (cases.schema.ts SCRIPTS). */
  script: string;
  /** Share of cases with this nationality, in per cent. */
  weight: number;
  shape: NameShape;
  given: string[];
  family: string[];
  /** Middle names (Vietnamese) or second surname parts (Thai compounds); optional. */
  extra?: string[];
}

const list = (s: string): string[] => s.trim().split(/\s+/);

export const NATIONALITIES: NationalityNames[] = [
  {
    code: 'THA',
    script: 'Thai',
    weight: 18,
    shape: 'given-family',
    given: list(`สมชาย:Somchai สมศักดิ์:Somsak สมพร:Somporn สุดา:Suda มาลี:Malee วิไล:Wilai
      ประเสริฐ:Prasert บุญมี:Boonmee นภา:Napa ศิริพร:Siriporn อรุณ:Arun กาญจนา:Kanchana
      สุนทร:Sunthorn พรทิพย์:Porntip วันเพ็ญ:Wanpen ชัยวัฒน์:Chaiwat นิตยา:Nittaya สุรชัย:Surachai
      รัตนา:Rattana อำนาจ:Amnat จันทร์เพ็ญ:Chanpen ณัฐพล:Nattapon ปัณณวัฒน์:Pannawat อนุชา:Anucha
      ธนากร:Thanakorn เพ็ญศรี:Pensri วีระ:Weera ยุพิน:Yupin สมหญิง:Somying ทองดี:Thongdee
      บุญเรือน:Boonruean ประยุทธ:Prayut ศักดิ์ชัย:Sakchai อัญชลี:Anchalee กิตติ:Kitti สุภาพร:Supaporn
      จิราพร:Jiraporn พิมพ์ใจ:Pimjai ดวงใจ:Duangjai เกศินี:Kesinee ปิยะ:Piya สุวิทย์:Suwit
      อารีย์:Aree ลำดวน:Lamduan คำแปง:Khampaeng`),
    family: list(`ใจดี:Jaidee แสงทอง:Saengthong ศรีสุข:Srisuk บุญมา:Boonma สุขสวัสดิ์:Suksawat
      ทองคำ:Thongkham พรหมมา:Prommma แก้วมณี:Kaewmanee จันทร์แก้ว:Chankaew วงศ์ใหญ่:Wongyai
      สมบูรณ์:Somboon รักษาวงศ์:Raksawong ศรีวงศ์:Sriwong มีสุข:Meesuk ทองอินทร์:Thongin
      คำภา:Khampha พิมพา:Pimpa สายทอง:Saithong อินทร์แก้ว:Inkaew ชัยมงคล:Chaimongkol
      บุญยืน:Boonyuen ปัญญาดี:Panyadee เพชรรัตน์:Petcharat ศรีประเสริฐ:Sriprasert วงศ์สวัสดิ์:Wongsawat
      นาคประเสริฐ:Nakprasert กองแก้ว:Kongkaew ทองสุข:Thongsuk แสงจันทร์:Saengchan ดีมาก:Deemak
      สุวรรณ:Suwan จันทร์หอม:Chanhom บุญช่วย:Boonchuay ศรีบุญ:Sriboon มั่นคง:Mankong
      เรืองศรี:Ruangsri อ่อนศรี:Onsri คงเจริญ:Kongcharoen พึ่งทอง:Pueangthong ยอดดี:Yoddee
      ธรรมวงศ์:Thammawong สีดา:Sida`),
  },
  {
    code: 'KHM',
    script: 'Khmr',
    weight: 12,
    shape: 'given-family',
    given: list(`សុខា:Sokha ស្រីមុំ:Sreymom វណ្ណា:Vanna ចាន់ធា:Chantha សុភាព:Sopheap ដារ៉ា:Dara
      សុខលី:Sokly រតនា:Ratana សុផល:Sophal បុប្ផា:Bopha សំណាង:Samnang ពិសី:Pisey វិបុល:Vibol
      ចន្ទា:Chanda សុវណ្ណ:Sovann ស្រីនាង:Sreyneang ភារម្យ:Phearum សុគន្ធា:Sokunthea រស្មី:Raksmey
      ធារី:Theary សេរី:Serey កញ្ញា:Kanha មករា:Makara វិចិត្រ:Vichet សុភា:Sophea ណារី:Nary
      សុខុម:Sokhom បូរ៉ា:Bora ពៅ:Pov ស៊ីណាត:Sinat ម៉ាលី:Maly ចរិយា:Chariya ឧត្តម:Oudom
      សុភ័ក្ត្រ:Sopheak លក្ខិណា:Leakhena ស្រីពៅ:Sreypov គឹមហួរ:Kimhour ចិន្តា:Chenda
      វុទ្ធី:Vuthy សារ៉ាត:Sarat រ៉ូ:Ro`),
    family: list(`សុខ:Sok ចាន់:Chan ហេង:Heng លី:Ly កែវ:Keo ម៉ៅ:Mao សួន:Suon ឈឹម:Chhim ពេជ្រ:Pich
      ហ៊ុន:Hun សាន:San យឹម:Yim ខៀវ:Khieu ទេព:Tep ណុប:Nop សេង:Seng ម៉ម:Mom ប៉ាន់:Pan
      អ៊ុំ:Um សុន:Son ឃុន:Khun គង់:Kong ជា:Chea ទូច:Touch ព្រំ:Prom ហ៊ាង:Hang នៅ:Nov
      វង្ស:Vong ស៊ុន:Sun រស់:Ros ញឹម:Nhim អ៊ុក:Ouk ផល:Phal ឡុង:Long ថាច់:Thach
      ភួង:Phoung ម៉េង:Meng សយ:Soy ឈុន:Chhun ប៊ុន:Bun យិន:Yin`),
  },
  {
    code: 'MMR',
    script: 'Mymr',
    weight: 16,
    shape: 'syllables',
    given: list(`အောင်:Aung ကျော်:Kyaw မောင်:Maung မျိုး:Myo ဇော်:Zaw သန့်:Thant ထွန်း:Tun
      ဝင်း:Win စိုး:Soe နိုင်:Naing မင်း:Min သိန်း:Thein ခင်:Khin မြ:Mya သီတာ:Thida
      နန္ဒာ:Nanda စန္ဒာ:Sanda ဥမ္မာ:Ohmar ယဉ်:Yin နွယ်:Nwe ဖြူ:Phyu ချို:Cho ဆု:Hsu
      လှ:Hla ကြည်:Kyi မိုး:Moe ဇင်:Zin သဲ:Thae ပပ:Pa စု:Su နီ:Ni ရီ:Yi သူ:Thu
      ဟိန်း:Hein ထက်:Htet ပိုင်:Paing လင်း:Lin ဦး:Oo ဖိုး:Pho ညို:Nyo`),
    family: list(`ဦး:Oo လွင်:Lwin ထွန်း:Tun ဝင်း:Win အောင်:Aung စိုး:Soe မြင့်:Myint ကို:Ko
      နိုင်:Naing ဇော်:Zaw သန်း:Than ဆွေ:Swe မော်:Maw ထွေး:Htwe ခိုင်:Khaing အေး:Aye
      မူ:Mu ညွန့်:Nyunt ရွှေ:Shwe လှိုင်:Hlaing ကျင်:Kyin ဌေး:Htay ပြည့်:Pyae ဖြိုး:Phyo
      သော်:Thaw တင့်:Tint မြတ်:Myat ဟန်:Han ကြူ:Kyu စံ:San ဖေ:Phay ခေါင်:Khaung
      ဒင်:Din ဗို:Bo နောင်:Naung လေး:Lay ဘို:Bo မင်း:Min ကြိုင်:Kyaing သိန်း:Thein`),
  },
  {
    code: 'VNM',
    script: 'Latn',
    weight: 10,
    shape: 'given-middle-family',
    given: list(`Lan Hương Hoa Mai Linh Anh Thảo Trang Ngọc Phương Hằng Thủy Dung Nga Hà Yến
      Tuấn Hùng Dũng Minh Nam Long Quang Sơn Hải Thắng Cường Đức Huy Khánh Phúc Tùng Vinh
      Bảo Hiếu Trung Nhung Giang Loan Tâm Vy`),
    family: list(`Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào
      Đinh Lâm Mai Trịnh Trương Cao Lương Tạ Hà Chu Kiều Quách Thái Tô Vương Lưu Đoàn Từ
      Mạc Triệu Khổng Hứa La`),
    extra: list(`Thị Văn Thị Văn Thị Văn Đức Minh Ngọc Thanh Hữu Xuân Kim Quốc Thu Hoài Bảo Gia`),
  },
  {
    code: 'IDN',
    script: 'Latn',
    weight: 8,
    shape: 'given-family',
    given: list(`Siti Dewi Sri Nur Rina Wati Ani Yuni Putri Indah Ayu Fitri Lestari Ratna Sari
      Budi Agus Joko Eko Bambang Hendra Rudi Andi Dedi Yusuf Ahmad Muhammad Rizki Fajar Dimas
      Wahyu Arif Slamet Suparmi Sumarni Tuti Endang Nining Kartini Ningsih Ratih Wulan`),
    family: list(`Wijaya Saputra Santoso Hidayat Kusuma Setiawan Pratama Susanto Gunawan Lestari
      Nugroho Purnomo Siregar Nasution Simanjuntak Hasibuan Harahap Lubis Sinaga Pohan
      Rahmawati Handayani Suryani Wulandari Kurniawan Firmansyah Ramadhan Hakim Sutrisno
      Wibowo Utomo Halim Tanjung Manurung Situmorang Pangaribuan Sembiring Ginting Tarigan
      Daulay Batubara`),
  },
  {
    code: 'PHL',
    script: 'Latn',
    weight: 8,
    shape: 'given-family',
    given: list(`Maria Ana Rosa Jocelyn Marites Analyn Lorna Gemma Rowena Jennifer Mary Grace Joy
      Cristina Liza Rhea Divina Elena Teresita Luzviminda Juan Jose Mark John Michael Ramon
      Eduardo Rogelio Ricardo Antonio Jun Arnel Jomar Rodel Ariel Noel Romeo Efren Danilo
      Jerome Reynaldo Joel`),
    family: list(`Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo
      Flores Villanueva Ramos Castro Rivera Aquino Navarro Salazar Mercado Dela Cruz Aguilar
      Soriano Domingo Gonzales Lopez Fernandez Hernandez Diaz Valdez Pascual Manalo Dizon
      Lim Tan Gutierrez Morales Perez Sarmiento Pangilinan Macaraeg Cabrera`),
  },
  {
    code: 'BGD',
    script: 'Beng',
    weight: 6,
    shape: 'given-family',
    given: list(`মোহাম্মদ:Mohammad আব্দুল:Abdul রহিম:Rahim করিম:Karim জামাল:Jamal কামাল:Kamal
      রফিক:Rafiq শফিক:Shafiq হাসান:Hasan হোসেন:Hossain আলী:Ali নুর:Nur মিজান:Mizan সাইফুল:Saiful
      রাশেদ:Rashed আরিফ:Arif সুমন:Sumon রুবেল:Rubel শাহীন:Shahin মাসুদ:Masud ফাতেমা:Fatema
      আয়েশা:Ayesha নাসরিন:Nasrin শিরিন:Shirin রহিমা:Rahima সালমা:Salma রুমা:Ruma শাহানা:Shahana
      নাজমা:Nazma পারভীন:Parvin মরিয়ম:Moriom খাদিজা:Khadija রোকসানা:Roksana তাসলিমা:Taslima
      শারমিন:Sharmin সুমি:Sumi লাকি:Lucky রাজিয়া:Razia হালিমা:Halima জেসমিন:Jesmin`),
    family: list(`ইসলাম:Islam রহমান:Rahman হোসেন:Hossain আহমেদ:Ahmed খান:Khan উদ্দিন:Uddin
      আলম:Alam মিয়া:Mia চৌধুরী:Chowdhury সরকার:Sarkar বেগম:Begum আক্তার:Akter খাতুন:Khatun
      হক:Haque মোল্লা:Molla শেখ:Sheikh তালুকদার:Talukder মণ্ডল:Mondal প্রামানিক:Pramanik
      বিশ্বাস:Biswas দাস:Das রায়:Roy সাহা:Saha পাল:Pal ঘোষ:Ghosh কবির:Kabir করিম:Karim
      হাসান:Hasan আলী:Ali সিদ্দিকী:Siddiqui মজুমদার:Majumder ভূঁইয়া:Bhuiyan প্রধান:Prodhan
      মাহমুদ:Mahmud জামান:Zaman শাহ:Shah আকন্দ:Akand সুলতানা:Sultana নাহার:Nahar পারভীন:Parvin`),
  },
  {
    code: 'ETH',
    script: 'Ethi',
    weight: 5,
    shape: 'given-family',
    given: list(`አበበ:Abebe ከበደ:Kebede ተስፋዬ:Tesfaye ሙሉጌታ:Mulugeta ግርማ:Girma ታደሰ:Tadesse
      ሰለሞን:Solomon ዳዊት:Dawit ዮሐንስ:Yohannes ብርሃኑ:Birhanu ኃይሉ:Hailu መኮንን:Mekonnen ደረጀ:Dereje
      ፍቅሩ:Fikru ጌታቸው:Getachew አለሙ:Alemu በቀለ:Bekele ሀብታሙ:Habtamu ዘውዱ:Zewdu ሲሳይ:Sisay
      መሰረት:Meseret ትዕግስት:Tigist ሄለን:Helen ሰላም:Selam መቅደስ:Mekdes ብርቱካን:Birtukan ሃና:Hana
      ፀሐይ:Tsehay አልማዝ:Almaz ወይንሸት:Woinshet የሺ:Yeshi ዘነበች:Zenebech ሙሉ:Mulu ፋጡማ:Fatuma
      ራሔል:Rahel ቤተልሔም:Bethlehem ኤደን:Eden ሊያ:Liya ማርታ:Marta ሳራ:Sara`),
    family: list(`አበበ:Abebe ከበደ:Kebede ተስፋዬ:Tesfaye ወልዴ:Wolde ገብሬ:Gebre ኃይሌ:Haile መንግስቱ:Mengistu
      አሰፋ:Asefa ደምሴ:Demisse ታፈሰ:Tafesse በላይ:Belay ጌታሁን:Getahun ወርቁ:Worku ደሳለኝ:Desalegn
      አየለ:Ayele ሽፈራው:Shiferaw ለማ:Lemma ፈይሳ:Feyisa ዲባባ:Dibaba ቱሉ:Tulu ጉደታ:Gudeta
      ነጋሽ:Negash ካሳ:Kassa ተክሌ:Tekle ገብረመድህን:Gebremedhin ሀይለማርያም:Hailemariam
      ወልደሚካኤል:Woldemichael አለማየሁ:Alemayehu ዘለቀ:Zeleke እሸቴ:Eshete ይልማ:Yilma ሞላ:Mola
      ጥላሁን:Tilahun ንጉሴ:Niguse ባዬ:Baye ደበበ:Debebe ግዛው:Gizaw ቸኮል:Chekol ጫኔ:Chane ሙሄ:Muhe`),
  },
  {
    code: 'KEN',
    script: 'Latn',
    weight: 4,
    shape: 'given-family',
    given: list(`Mary Grace Faith Mercy Esther Jane Ann Lucy Joyce Caroline Purity Beatrice Winnie
      Nancy Emily Sharon Irene Eunice Lilian Gladys John Peter James Joseph David Samuel Daniel
      Paul Stephen Kennedy Brian Dennis Collins Evans Moses Francis Charles George Wycliffe
      Geoffrey`),
    family: list(`Wanjiru Kamau Otieno Odhiambo Mwangi Njoroge Ochieng Kiprono Kipchoge Chebet
      Wambui Achieng Akinyi Mutua Muthoni Njeri Wairimu Kariuki Omondi Onyango Kiplagat
      Cheruiyot Rotich Langat Wafula Barasa Wekesa Nyambura Kimani Macharia Gitau Karanja
      Maina Ndungu Owino Atieno Awino Chepkoech Jeptoo Mutiso Musyoka`),
  },
  {
    code: 'UGA',
    script: 'Latn',
    weight: 3,
    shape: 'given-family',
    given: list(`Sarah Florence Agnes Harriet Rose Prossy Juliet Betty Annet Sylvia Doreen Brenda
      Rebecca Scovia Immaculate Josephine Christine Margaret Justine Pauline Moses Joseph Ivan
      Ronald Isaac Robert Godfrey Patrick Emmanuel Fred Denis Henry Hassan Ali Julius Edward
      Simon Richard Andrew Geoffrey`),
    family: list(`Nakato Babirye Namukasa Nalubega Nansubuga Akello Atim Auma Apio Nabirye Mukasa
      Ssempala Kato Musoke Okello Opio Ochieng Odongo Byaruhanga Tumusiime Mugisha Ainembabazi
      Kyomuhendo Katusiime Namutebi Nakitende Lubega Ssekandi Wasswa Kizza Nsubuga Mutebi
      Kiggundu Ssali Ouma Nyakato Kabugo Namatovu Asiimwe Twinomujuni`),
  },
  {
    code: 'CHN',
    script: 'Hans',
    weight: 5,
    shape: 'chinese',
    given: list(`伟:Wei 芳:Fang 娜:Na 秀:Xiu 英:Ying 敏:Min 静:Jing 丽:Li 强:Qiang 磊:Lei 军:Jun
      洋:Yang 勇:Yong 艳:Yan 杰:Jie 娟:Juan 涛:Tao 明:Ming 超:Chao 霞:Xia 平:Ping 刚:Gang
      桂:Gui 兰:Lan 华:Hua 红:Hong 玉:Yu 梅:Mei 建:Jian 国:Guo 文:Wen 辉:Hui 海:Hai 燕:Yan
      春:Chun 小:Xiao 志:Zhi 晓:Xiao 佳:Jia 婷:Ting 欣:Xin 宇:Yu 浩:Hao 鹏:Peng`),
    family: list(`王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao 吴:Wu 周:Zhou
      徐:Xu 孙:Sun 马:Ma 朱:Zhu 胡:Hu 郭:Guo 何:He 高:Gao 林:Lin 罗:Luo 郑:Zheng 梁:Liang
      谢:Xie 宋:Song 唐:Tang 许:Xu 韩:Han 冯:Feng 邓:Deng 曹:Cao 彭:Peng 曾:Zeng 肖:Xiao
      田:Tian 董:Dong 袁:Yuan 潘:Pan 于:Yu 蒋:Jiang 蔡:Cai 余:Yu 杜:Du 叶:Ye`),
  },
  {
    code: 'LKA',
    script: 'Latn',
    weight: 2,
    shape: 'given-family',
    given:
      list(`Nimal Sunil Kamal Ruwan Chaminda Pradeep Nuwan Lasith Kasun Dilshan Tharindu Sampath
      Mahinda Saman Asanka Chathura Dinesh Roshan Janaka Upul Kumari Nirmala Chandani Dilani
      Sanduni Nadeesha Chamari Ishara Malani Shiromi Anoma Thilini Nilmini Priyanka Sewwandi
      Hashini Madhavi Rasika Sriyani Kanthi`),
    family: list(`Perera Fernando Silva de Silva Jayasuriya Wickramasinghe Bandara Rajapaksa
      Dissanayake Herath Gunawardena Senanayake Ranasinghe Jayawardena Kumara Rathnayake
      Weerasinghe Wijesinghe Karunaratne Amarasinghe Samarasinghe Liyanage Ekanayake Gamage
      Pathirana Hettiarachchi Abeysekera Munasinghe Mendis Peiris Rodrigo Cooray Kodikara
      Edirisinghe Jayasinghe Madushanka Sirisena Premadasa Wijeratne Nanayakkara`),
  },
  {
    code: 'NPL',
    script: 'Deva',
    weight: 3,
    shape: 'given-family',
    given: list(`राम:Ram श्याम:Shyam हरि:Hari कृष्ण:Krishna गोपाल:Gopal सुरेश:Suresh रमेश:Ramesh
      दिनेश:Dinesh बिकास:Bikash सन्तोष:Santosh प्रकाश:Prakash राजेश:Rajesh सुनिल:Sunil अनिल:Anil
      बिनोद:Binod दीपक:Deepak मनोज:Manoj कुमार:Kumar बिष्णु:Bishnu नारायण:Narayan सीता:Sita
      गीता:Gita सरिता:Sarita सुनिता:Sunita अनिता:Anita कमला:Kamala लक्ष्मी:Laxmi सरस्वती:Saraswati
      पार्वती:Parbati मिना:Mina रिता:Rita बिमला:Bimala सुशीला:Sushila मञ्जु:Manju पूजा:Puja
      सपना:Sapana अञ्जली:Anjali कल्पना:Kalpana निर्मला:Nirmala शान्ति:Shanti`),
    family: list(`श्रेष्ठ:Shrestha तामाङ:Tamang गुरुङ:Gurung मगर:Magar राई:Rai लिम्बु:Limbu थापा:Thapa
      अधिकारी:Adhikari पौडेल:Poudel शर्मा:Sharma खड्का:Khadka बस्नेत:Basnet कार्की:Karki
      भट्टराई:Bhattarai घिमिरे:Ghimire नेपाली:Nepali विश्वकर्मा:Bishwakarma बुढा:Budha
      यादव:Yadav महतो:Mahato चौधरी:Chaudhary थारु:Tharu शाही:Shahi रेग्मी:Regmi कोइराला:Koirala
      आचार्य:Acharya ढकाल:Dhakal न्यौपाने:Neupane सापकोटा:Sapkota लामा:Lama शेर्पा:Sherpa
      भण्डारी:Bhandari के.सी.:KC पाण्डे:Pandey जोशी:Joshi उप्रेती:Upreti सुवेदी:Subedi
      रिजाल:Rijal दाहाल:Dahal ओली:Oli`),
  },
];

/** Splits a `native:Latin` entry; Latin-script entries have the same text on both sides. */
export function splitEntry(entry: string): { native: string; latin: string } {
  const at = entry.indexOf(':');
  return at < 0
    ? { native: entry, latin: entry }
    : { native: entry.slice(0, at), latin: entry.slice(at + 1) };
}
