/**
 * Common and breached passwords (SECURITY.md 1; ASVS 6.2.4, 等保 8.1.4.1a): the most frequent entries of
 * widely published password lists (leak corpora such as the SecLists top lists, and the Chinese leaks
 * of CSDN, 天涯, 12306 and others), common Chinese pinyin and love-number passwords (5201314, woaini1314),
 * keyboard walks, default credentials of devices and middleware, and words specific to this product
 * (tongchou, zhengwu). Entries are lower-case; password-policy.ts compares case-insensitively and also
 * after stripping leading/trailing digits and symbols and undoing common leetspeak, so 'Password123!'
 * and 'P@ssw0rd' match 'password'.
 *
 * The list is whitespace-separated data, not prose: do not add entries containing spaces, backticks,
 * backslashes or dollar-brace. It is parsed once, at import.
 */
const LIST = `
!!!!!! !@#!@# !@#$%12345 !@#$%^ !@#$%^&* !@#$%^&*() !@#$qwer !@#123 !@#qwe !@#qweasd !qaz2wsx
!qaz@wsx %$#@! ****** ++++++ ------ ...... 0000 00000 000000 0000000 00000000 000000000 0000000000
00000000000 000000a 000000q 0000aaaa 001122 007007 010101 01012011 010203 012345 01234567 0123456789
0147258369 020202 030303 050505 080808 0852 090909 098765 09876543 0987654321 101010 101112 102030
102030405 111000 1111 11111 111111 1111111 11111111 111111111 1111111111 11111111111 1111111111111
111111a 111111aa 111111q 11111a 1111aaaa 1111qqqq 111222 111222333 112211 112233 11223344 1122334455
112233445566 112358 11235813 11aa11aa 11qq11qq 1212 121212 12121212 121212121 1212121212 121314
123!@# 123!@#qwe 123... 123000 123111 123123 123123123 123123a 12321 1232323q 123321 123321123
123321a 1234 1234!@#$ 12341234 1234321 12344321 12345 12345!@#$% 123451234 1234512345 123454321
1234554321 123456 123456! 123456!@# 123456!@#$ 123456. 123456654321 1234567 1234567! 12345678
12345678! 123456789 123456789! 123456789. 1234567890 1234567890! 1234567890a 1234567890q
1234567890qwe 1234567891 12345678910 123456789101 123456789a 123456789abc 123456789abcdef 123456789q
12345678@ 12345678a 12345679 1234567a 1234567q 1234567z 123456@ 123456a 123456aa 123456abc 123456q
123456qq 123456qwe 123456z 12345a 12345abc 12345q 12345qwert 12345trewq 12345z 1234abcd 1234asdf
1234qwer 1234qwer! 1234qwer. 1234qwer@ 1234qwerasdf 1234rewq 1234zxcv 123654 123654789 123666
12369874 123698741 123698745 123789 123888 123abc 123qwe 123qwe! 123qwe!@# 123qwe123 123qweasd
123qweasdzxc 123qweasdzxc! 12qw12qw 12qwaszx 1313 131313 1314 131415 131420 1314520 13145200
1314520520 1314521 1314woaini 134679 13579 135790 1357924680 141414 141516 142536 142857 1470 147147
147258 147258369 1472583690 147258369a 147258a 147369 147852 147852369 14789632 147896325 159357
159357a 159753 1597532486 159753258 159753456 159951 168168 168888 1960 1969 1970 1975 1976 1977
1978 1979 1980 1981 1982 1983 1984 1985 1986 1987 1988 1989 19891989 1990 19901990 1991 19911991
1992 19921992 1993 19931993 1994 19941994 1995 19951995 1996 19961996 1997 19971997 1998 19981998
1999 19991999 1a1a1a1a 1a2b3c4d 1a2s3d4f 1q1q1q1q 1q2q3q4q 1q2w 1q2w3e 1q2w3e$r 1q2w3e4r 1q2w3e4r!
1q2w3e4r!@ 1q2w3e4r5 1q2w3e4r5t 1q2w3e4r5t! 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1qa2ws3ed 1qa2ws3ed4rf 1qaz
1qaz!qaz 1qaz1qaz 1qaz2wsx 1qaz2wsx! 1qaz2wsx!@ 1qaz2wsx# 1qaz2wsx3edc 1qaz2wsx3edc4rfv 1qaz2wsx@
1qaz@2wsx 1qaz@wsx 1qaz@wsx3edc 1qazplm 1qazxsw2 1qazzaq1 1qw23e 1qwe2 1z2x3c4v 1z2z3z 2000 20002000
20082008 2010 20102010 2011 20112011 2012 20122012 2013 2014 2015 2016 2017 2018 2019 2020 202020
20202020 2021 20212021 2022 20222022 2023 20232023 2024 20242024 2025 20252025 2026 2112 212121 2222
222222 22222222 222222222 2222222222 223344 232323 242424 2468 24680 252525 2580 258258 258369
271828 2wsx 2wsx2wsx 2wsx3edc 314159 3141592 31415926 314314 315475 321123 321321 3333 333333
33333333 333333333 3333333333 334455 3690 369258147 3692581470 369369 36987412 3edc3edc 3edc4rfv
420420 4321 4321rewq 4444 444444 44444444 444444444 445566 456456 456789 4567890 4815162342 4rfv5tgb
5150 518518 518888 520 520131 5201314 5201314! 520131400 5201314123 5201314520 52013145201314
5201314a 520520 5211314 521521 54321 54321trewq 5555 55555 555555 55555555 555555555 5555555555
556677 5tgb6yhn 654321 6543210 654321a 666 6666 666666 666666! 6666666 66666666 666666666 6666666666
666888 668866 6969 696969 69696969 6yhn7ujm 7410852963 741852 741852963 7654321 7758258 7758521 7777
777777 7777777 77777777 777777777 7777777777 778899 789456 789456123 7894561230 789789 7ujm8ik,
852456 852963 8675309 87654321 886688 888 888666 8888 888888 888888! 8888888 88888888 888888888
8888888888 888999 9379992 951753 963852741 97531 987456321 987654 98765432 987654321 9876543210
987654321a 998877 999 9999 999999 99999999 999999999 9999999999 ====== ?????? ______ a00000 a000000
a111111 a11111111 a111111111 a112233 a11223344 a121212 a123123 a123321 a12341234 a123412341234
a12345 a123456 a123456! a123456. a1234567 a1234567! a12345678 a12345678! a123456789 a123456@
a147258369 a1a1a1a1 a1a2a3a4 a1b1c1d1 a1b2c3 a1b2c3d4 a1b2c3d4e5 a1s2d3f4 a5201314 a@123456
a@1234567 aa111111 aa112233 aa112233! aa11bb22 aa123123 aa1234 aa12345 aa123456 aa123456! aa123456.
aa1234567 aa12345678 aa123456@ aa@1234 aa@12345 aa@123456 aaa111 aaa123 aaa1234 aaa12345 aaa123456
aaa123456789 aaaa aaaa1111 aaaaa1 aaaaaa aaaaaa1 aaaaaaa aaaaaaaa aaaaaaaaa aaaaaaaaaa aabbcc
aabbccdd ab1234 ab12345 ab123456 ab123456789 abab1234 abc!123 abc#123 abc000 abc1 abc111 abc12
abc123 abc123! abc123. abc1234 abc1234! abc12345 abc123456 abc123@ abc123abc abc2 abc222 abc520
abc5201314 abc666 abc888 abc999 abc@123 abc@1234 abc@123456 abcabc abcabc123 abcabcabc abcd abcd0000
abcd1111 abcd123 abcd1234 abcd12345 abcd@123 abcd@1234 abcde abcde12345 abcdef abcdef123 abcdefg
abcdefg1 abcdefgh abcdefghi abcdefghij access access123 accessdenied accord action adidas admin
admin#123 admin000 admin1 admin12 admin123 admin123! admin1234 admin1234! admin12345 admin123456
admin2024 admin2025 admin666 admin888 admin@123 admin@1234 admin@123456 admin@2024 admin@huawei
adminadmin administrator administrator1 adrian aini1314 ainio ainiyiwannian aiqing airborne aiwo
aiwo1314 aiwo520 alaska albert alex alexande alexander alexis alibaba alicia alipay allison always
alyssa amanda amateur america anderson andre andrea andrew andrey android angel angel1 angel123
angela angelina angelo angels animal anonymous ansible anthony antonio aoyun2008 apollo apple apple1
apple123 apples april arizona arnold arsenal arthur asd!@# asd123 asd123!@# asd123456 asd@123
asd@1234 asdasd asdasd123 asdasdasd asdf asdf123 asdf1234 asdf12345 asdf4321 asdfasdf asdfasdf1
asdfasdf123 asdfg asdfg123 asdfg12345 asdfgh asdfgh1 asdfgh123 asdfghj asdfghjk asdfghjkl asdfghjkl1
asdfghjkl123 asdfghjkl; asdfjkl asdfjkl123 asdfjkl; asdqwe123 asdzxc ashley asshole assman august
austin autumn avalon awesome azerty azertyuiop baby baby123 babyboy babygirl babygirl1 badass badboy
badger baidu bailey baiyun bambam banana banana123 bandit bangong bangong123 baobao baobei baobei520
baozi barbara barney baseball baseball1 bastard batman baxter bbbbbb bear bear123 beatles beaver
beavis beer beibei beijing beijing123 beijing2008 benjamin bestfriend bgtnhy bigboy bigdaddy bigdick
bigdog bigred bigtits bill billy bird birdie bishop bitch bitches biteme black blank blazer blessed
blink182 blowjob blowme blue bobo bollocks bond007 bonnie boobies booboo boobs booger boogie boomer
boston bradley brandon brandy braves bread brenda brian brittany bronco broncos brooke brooklyn
brother brutus bubba bubbles buddha buddy buddy1 budlight buffalo bulldog bulldogs bullet bullshit
burger buster butter butter1 butthead buzhidao calvin camaro cameron canada candy captain carlos
carmen carolina caroline carter cartman casper cassie cat cat123 cccccc cdevfr celtic centos
champion chance change_me changeit changeme changeme123 changeme_123 chaofan charles charlie
charlie1 charlie123 cheese cheese1 chelsea chen123 chen1234 chen123456 chengdu chenjie chenjing
chenlong chenwei chenyang cherokee cherry cherry1 chester chevy chicago chicken chicken123 china
china123 chinese chocolate chongqing chopper chris christ christ1 christin chunjiang chuntian cisco
cisco123 claire claudia cocacola cock coconut coffee coffee1 college colorado compaq computer
computer1 connor contrasena cookie cookie1 cool cooper copper corvette cougar courtney cow cowboy
cowboys creative cricket crystal csdn csdn.net csdn123 cumshot cunt cutie cutiepie daddy dakota
dallas dancer dandan danger dangzheng daniel danielle darkness darling database dave david daxue
db123 dddddd dearbook death debbie debian december december1 default demo demo123 denise dennis
desktop destiny devil devil666 dexter diablo diamond diannao dick dickhead diesel digger digital
disney doctor dog dog123 doggie dolphin dolphins domino donald dongtian dongxue donkey doudou doufu
douglas dptech dragon dragon1 dragon123 dragon88 dreamer dreams driver drowssap drummer ducati duck
duck123 dumpling duncan eagle eagle1 eagle123 eagles eclipse edcrfv edward eeeeee einstein elastic
elephant elizabet elvis eminem empire empty enigma enter enter123 entry eugene everton explorer
extreme facebook faith falcon family family1 fantasy father february feifei feilong fender fendou
ferrari ffffff fire fireman fish fish123 fishing florida flower fluffy flyers football football1
ford forest forever forever1 fortinet francis frank frankie franklin fred freddy free freedom
freedom1 freeuser friday friday1 friend friends friends1 froggy fuck fucker fucking fuckme fuckoff
fuckyou fylhtq gabriel galore gandalf gao123 gao123456 gaoyang garfield gateway gators gemini
general genesis genius george georgia gfhjkm gggggg ghbdtn giants gibson ginger girls gmail go123456
goat goblue god godisgood godzilla gogogo golden golf golfer gongan gongzuo goober google google123
gordon grace grafana grape green gregory guangzhou guanli guanliyuan guest guest123 guestguest
guinness guitar gunner guo123 guo123456 guojia guoqiang h3c h3c123 h3capadmin haha haha123 hahaha
hahaha123 haiyang hamburger hammer hangzhou hannah haohao happy hardcore harley haslo hawaii he123
he123456 heather heaven heaven1 hehe hehe123 hehehe heihei hejie hello hello1 hello123 hello1234
hello@123 helloworld helpme hentai hhhhhh hik12345 hik12345+ hillstone hiphop hitman hockey homer
honda honey honey123 hooters hope horney horny horse horse123 horses host hotdog hotdog1 hotmail
hotrod house houston howard http hu123 hu123456 huang123 huang123456 huangjin huanglei huangwei
huanhuan huawei huawei12#$ huawei123 huawei@123 huawei@1234 hulin hummer hunter huoxing iceman
iiiiii ijnuhb ilovegod iloveme ilovemom ilovemyself iloveu iloveu2 ilovey0u iloveyou iloveyou!
iloveyou1 iloveyou12 iloveyou123 iloveyou1314 iloveyou2 iloveyou520 iloveyou5201314 indian infinity
internet internet1 iphone iphone6 ireland ironman iwantu jack jackass jackie jackson jaguar jake
james january jasmine jason jasper jboss jeffrey jenkins jennifer jeremy jessica jessie jester jesus
jesus1 jiankang jiaoyu jiaozi jiayou jimmy jingjing jinlong jjjjjj jkl; john johnny johnson jonathan
jordan jordan1 jordan23 joseph joshua july june junior juniper jupiter justice justice1 justin
juventus kaikai kaoshi karina kawasaki kelly kermit kevin key key123 keyboard keys kibana killer
kimberly king kirill kisses kissme kitten kitty kkkkkk klaster knight kristina kuaile kuaile123
lacrosse lakers lanlan laogong laohu laopo laoshi laptop lasvegas lauren legend legendsec lemon
leslie letmein letmein! letmein1 letmein123 letsgo li123 li123456 liang123456 liberty liberty1
lifehack lihua lijie lijing lijun lilei lili liming liming123 lin123 lin123456 lina linlin linux
lion liqiang lisi lisi123 little liu123 liu1234 liu123456 liujie liuqiang liutao liuwei liuyang
liverpoo liverpool liwei lixin liyang lizard lkjhgf lkjhgfdsa llllll lmao localhost login login123
logitech logon lol lol123 lolita lollol london longlong longlong123 longteng louise love love123
lovelove lovely loveme loveme123 lover lovers loveu loveyou lucky lucky1 luo123456 lvshui ma123
ma123456 maddog madison madonna maggie magic magnum maliang manager manager123 mango mantou maomao
march marcus marina marine marines mark marlboro marley marshall martin marvin maryjane master
master1 master12 master123 masterkey mastermind matrix matt matthew maverick maximus maxwell meinv
melanie melissa member mengxiang mercedes mercury merlin metallic metallica mexico michael michael1
michelle michigan mickey microsoft midnight mifan mike milk miller mima mima123 mima1234 mima123456
mima@123 mima@1234 mimamima minecraft mingming minio minioadmin mitchell mjuki, mmmmmm mmmmmmmm
mnbvc mnbvcxz modem molly mommy monday monday1 money money1 mongo mongodb monica monitor monkey
monkey1 monkey123 monster montana mookie morgan motdepasse mother mother1 motorola mountain mouse
mouse123 mozart muffin mummy murphy music mustang mycomputer mypass mypass123 mypassword mypassword1
mypc mysql mysql123 nacos nacos123 nagios nanjing nannan naruto nascar natalie natasha nathan
naughty ncc1701 ncc1701d nelson netscreen network network1 newpass newpassword newuser newyork
nhymju ni123456 nicholas nicole nihao nihao123 nihaoma nikita nil nintendo nirvana nissan niuniu
nnnnnn no1234 none noob noobs noodle nopass nopassword norman nothing november november1 nsfocus
null october october1 office office123 okmijn oksana oliver olivia online oooooo open123 opensesame
openup operator oracle oracle123 orange orange1 ou812 p4ssw0rd p4ssword p@55w0rd p@55word p@ss
p@ss123 p@ss1234 p@ssw0rd p@ssw0rd! p@ssw0rd1 p@ssw0rd123 p@sswd p@ssword p@ssword1 p@ssword123
p@sswrd pa55w0rd pa55word packers pakistan pamela panda panda123 pantera panther panthers panties
paradise parker parola pass pass1 pass12 pass123 pass1234 pass12345 pass123456 pass@123 pass@1234
pass@word1 passion passpass passport passw0rd passw0rd! passw0rd1 passw0rd12 passw0rd123 passwd
passwd123 passwor password password! password#123 password1 password1! password12 password123
password123! password1234 password12345 password123456 password@123 passwort passwrd paswoord
pasword pasword1 patches patricia patrick patriots paul peace peach peaches peanut pearljam peekaboo
pengpeng penguin penis people pepper peter phantom phoenix pi pig pig123 piggy pimpin pineapple
pingan pingan123 pipi pirate pizza pizza123 platinum playboy player please plmokn poiuyt poiuytrewq
pokemon police poohbear pookie poop popcorn porn porno porsche postgres postgres123 power pppppp
predator prince princess princess1 printer private private123 psw123 psycho public pumpkin purple
pussy pw123 pw1234 pwd pwd123 pwd1234 pwd@123 q11111 q111111 q123123 q1234 q12345 q123456 q1234567
q12345678 q123456789 q1a2z3 q1q1q1q1 q1w2e3 q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6 q2w3e4r5 qazplm qazqaz
qazwsx qazwsx!@# qazwsx1 qazwsx12 qazwsx123 qazwsx1234 qazwsxedc qazwsxedcrfv qazxsw qazxswedc
qinaide qinglong qingshan qinqin qiutian qiuyue qq.com qq112233 qq123123 qq123456 qq1314520
qq5201314 qq666666 qq888888 qqq111 qqq123 qqqq qqqqqq qqqqqqq qqqqqqqq quake1 qw12qw12 qwas1234
qwaszx qwaszx12 qwaszx123 qwe qwe!@# qwe!@#123 qwe123 qwe123!@# qwe12345 qwe123456 qwe123qwe qwe@123
qwe@1234 qwe@123456 qweasd qweasd! qweasd123 qweasdzxc qweasdzxc123 qweqwe qweqwe123 qweqweqwe
qwer!234 qwer!@#$ qwer123 qwer1234 qwer1234! qwer12345 qwer4321 qwer@1234 qwerqwer qwert qwert123
qwert12345 qwerty qwerty!@# qwerty01 qwerty1 qwerty1! qwerty11 qwerty12 qwerty123 qwerty123!
qwerty1234 qwerty12345 qwerty12345! qwerty7 qwertyu qwertyu1 qwertyu123 qwertyui qwertyui1
qwertyuiop qwertyuiop1 qwertyuiop123 qwertyuiop[] qwertz qwertz123 rabbit rabbit123 rabbitmq rachel
racing raider raiders rainbow ranger rangers rascal rasdzv3 raspberry razz rebecca red123 reddog
redhat redis redis123 redrum redskins redsox redwings reggie renmin rewq4321 rfvtgb rice richard
robert rock rocket rocky roland rolltide rooster root root123 root1234 root@123 root@1234 rootroot
roottoor rosebud router rrrrrr ruijie ruijie123 runner rush2112 ruslan russell russia sa123 sa123456
sabrina saints salasana samantha sammy samson samsung samuel sandman sandra sangfor sangfor@123
sarah saturday saturn scarface school scooby scooter scorpio scorpion scotland scott scotty secret
secret123 secretpassword secure secure123 security security123 semperfi senha september serega
sergey server server1 server123 service sexsex sexy shadow shadow1 shanghai shannon shark sharon
sheep shelby shengli shengri shenlong shenzhen shijie shit shithead shizi shorty shouji shuaige
sierra signin silver simon simple simpson simpsons sister skipper skippy skyline slayer slipknot
slut smith smokey smooth snake snickers sniper snoopy snowball soccer softball song123456 sophie
spanky sparky speedy spencer spider spiderma spirit spitfire spooky spring sql123 ssssss stalker
stanley star stargate startrek starwars steelers stella stephen steve steven stinky strawberry
stupid success sucker suckit sugar sugar123 summer summer1 sun123 sun123456 sunday sunshine
sunshine1 sunwei super super123 superadmin superman superman1 supersecret superuser supervisor
support surfer sushi suzuki svetlana sweet sweetheart sweetie sweety swordfis sydney sys123 sysadmin
system system123 taiyang talent taobao taylor tea temp temp123 temppass tencent tennis teresa test
test1 test12 test123 test1234 test12345 test@123 test@1234 tester tester123 testing testtest tgbyhn
theman thepassword therock thomas thumper thunder thx1138 tianjin tiankong tianlong tiantian tianya
tianya123 tiffany tiger tiger123 tigers tigger timothy tingting tinker titanic tits tofu together
tomcat tomcat123 tongchou tongchou123 tongchou2024 tongchou2025 tongji toor topgun topsec topsecret
toyota travis trewq trinity trinity1 trouble trustno1 tttttt tucker turtle twitter ubnt ubnt123
ubuntu united unknown user user123 user1234 usuckballz1 uuuuuu vagrant valentin vampire vanessa
vegeta venus veronica vfhbyf vfrbgt victor victoria viking vikings vincent viper virginia vision
vladimir voodoo voyager vvvvvv w1e2r3t4 wachtwoord walker walter wang123 wang1234 wang123456 wangbin
wangfang wangjie wangjing wangjun wanglei wangli wangming wangpeng wangqiang wangtao wangwei wangwu
wangxin wangyang wangyong warcraft warrior water watermelon web123 webadmin weblogic weblogic123
webmaster websphere wechat weixin welcome welcome! welcome1 welcome123 welcome1234 welcome@123
westside whatever wifi wildcat william williams willie willow wilson windows windows10 windows11
windows7 winner winston winter winter1 wireless wizard woaini woaini! woaini123 woaini1234
woaini12345 woaini123456 woaini1314 woaini1314! woaini520 woaini5201314 woaini521 woaini88 woainima
woainiya woaiwojia woaiwojia123 woaiwoma wobuzhidao wodemima wolf wolf123 wolverin woshishui
wozhiaini wsxedc wsxwsx wu123 wu123456 wuhan wujie wuwei www www123 wwwwww xavier xian2008 xiaobai
xiaofeng xiaohong xiaohua xiaojun xiaoli xiaolong xiaomei xiaoming xiaopang xiaoqiang xiaowei
xiaoxiao xiaoyan xiaoyu xiaozhu xiatian xiazhili xie123456 xingfu xingxing xinxi xinxihua xiongmao
xitong xixi xixixi xsw2zaq1 xswcde xu123 xu123456 xuesheng xuexi xuwei xxxxxx xxxxxxx xxxxxxxx yahoo
yamaha yang123 yang123456 yangguang yangjie yangwei yangyang yankees yellow yfnfif yhnujm yisheng
yishengyishi yiwannian yiyuan yourpass youtube ytrewq yuanyuan yueliang yyyyyy z1x2c3v4 zabbix
zachary zaq!2wsx zaq123 zaq12345 zaq12wsx zaq1@wsx zaq1xsw2 zaq1xsw2cde3 zaq1zaq1 zaqxsw zaqxswcde
zhang123 zhang1234 zhang123456 zhangbin zhanghua zhangjie zhangjing zhangjun zhanglei zhangli
zhangmin zhangpeng zhangqiang zhangsan zhangsan123 zhangtao zhangwei zhangyan zhangyong zhangyu
zhao123 zhao123456 zhaojie zhaowei zheng123456 zhengfu zhengwu zhengwu123 zhongguo zhongguoren
zhonghua zhonghuarenmin zhou123 zhou123456 zhoujie zhouwei zhu123 zhu123456 zhufu zhuzhu zombie zte
zte123 zxc123!@# zxc@123 zxc@1234 zxcasd zxcasdqwe zxcv123 zxcv1234 zxcv4321 zxcvb12345 zxcvbn
zxcvbn123 zxcvbnm zxcvbnm, zxcvbnm. zxcvbnm1 zxcvbnm123 zxcvzxcv zxczxczxc zyxwvu zzzzzz zzzzzzz
zzzzzzzz
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  LIST.split(/\s+/).filter((entry) => entry.length > 0),
);
