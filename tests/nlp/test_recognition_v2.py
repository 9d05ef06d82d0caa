"""Recognition of government reports, news and web pages (the guidelines' section on them), on
sentences written for these tests (not taken from any report)."""

import pytest

from conftest import ents


@pytest.mark.parametrize("text,expected", [
    # organs and their composition
    ("省委省政府出台意见。", [("ORG", "省委"), ("ORG", "省政府")]),
    ("江西省委常委张明出席。", [("ORG", "江西省委"), ("PERSON", "张明")]),
    ("牵头单位：住建厅、医保局、妇联。", [("ORG", "住建厅"), ("ORG", "医保局"), ("ORG", "妇联")]),
    ("陕西省残联组织活动。", [("ORG", "陕西省残联")]),
    ("县科协党组书记王明讲话。", [("ORG", "县科协"), ("PERSON", "王明")]),
    ("成立区卫健委疫情防控工作领导小组。", [("ORG", "区卫健委疫情防控工作领导小组")]),
    # places: facilities, zones, routes, townships, villages, features
    ("开工建设太原至雄安铁路。", [("PLACE", "太原至雄安铁路")]),
    ("争创中国（四川）自由贸易试验区。", [("PLACE", "中国（四川）自由贸易试验区")]),
    ("推进长沙都市圈建设。", [("PLACE", "长沙都市圈")]),
    ("加快建设大同国际机场。", [("PLACE", "大同国际机场")]),
    ("修缮G210国道。", []),
    ("走访延庆区八达岭镇石峡村。", [("PLACE", "延庆区八达岭镇石峡村")]),
    ("保护长江和洞庭湖生态。", [("PLACE", "长江"), ("PLACE", "洞庭湖")]),
    # programs, events, works
    ("实施“千万工程”，推进“两新”工作。", [("PROGRAM", "千万工程"), ("PROGRAM", "两新")]),
    ("推进“三北”工程建设。", [("PROGRAM", "“三北”工程")]),
    ("办好第十五届全国运动会。", [("EVENT", "第十五届全国运动会")]),
    ("纪念4·22世界地球日。", []),
    ("严格执行预算法。", [("WORK", "预算法")]),
    ("关注“科普长沙”微信公众号。", [("PROGRAM", "科普长沙")]),
    # a list of names of one kind: an item without a qualifier of its own counts beside one that has
    ("成功举办甘肃旅游峰会、徽商大会、青年企业家大会等活动。",
     [("EVENT", "徽商大会"), ("EVENT", "青年企业家大会")]),
    # a document named where it is issued, its title's own verb included
    ("出台实施县域商业体系规划。", [("WORK", "县域商业体系规划")]),
    ("制定促进民营经济发展15条措施。", [("WORK", "促进民营经济发展15条措施")]),
    ("中国华能总部落户雄安。", [("ORG", "中国华能")]),                    # the seat is not in the name
    ("举办西安国际马拉松。", [("EVENT", "西安国际马拉松")]),
    ("支持宜昌恒远锂业、天齐锂业发展。", [("ORG", "宜昌恒远锂业"), ("ORG", "天齐锂业")]),  # companies by their kind
    ("联通公司推出新业务。", [("ORG", "联通公司")]),
    ("推动京津优质医疗资源共享，推动创新型湖北建设。", [("PLACE", "京津"), ("PROGRAM", "创新型湖北")]),
    ("代表团离开莫斯科抵达约翰内斯堡。", [("PLACE", "莫斯科"), ("PLACE", "约翰内斯堡")]),  # LAC's places the dictionary names
    ("民进、民盟和民革负责人出席，农民进城务工。", [("ORG", "民进"), ("ORG", "民盟"), ("ORG", "民革")]),
    ("他说：“我是一个中国人的儿子。”", [("PLACE", "中国")]),             # a quoted sentence keeps its places
    ("总理访美归来，驻陕单位和京、沪两地代表出席。", [("PLACE", "美"), ("PLACE", "陕"), ("PLACE", "京"), ("PLACE", "沪")]),
    ("沿着莫斯科的高尔基大街前行。", [("PLACE", "高尔基大街")]),         # LAC's place the dictionary lacks
    ("疆电入渝工程投产送电，郑州西站建成。", [("PLACE", "疆电入渝工程"), ("PLACE", "郑州西站")]),
    ("“七人普”数据显示，环洞庭湖生态修复加快。", [("EVENT", "七人普"), ("PLACE", "洞庭湖")]),
    ("出席RCEP地方政府合作（黄山）论坛。", [("EVENT", "RCEP地方政府合作（黄山）论坛")]),
    ("冬游北海道，别有一番滋味。", [("PLACE", "北海道")]),                  # the dictionary's place whole
    ("为促进亚太经济发展作出贡献。", [("PLACE", "亚太")]),                # LAC and the gazetteer agree
    ("对华出口增长，驻港部队换防，做好援藏援疆工作。", [("PLACE", "华"), ("PLACE", "港"), ("PLACE", "藏"), ("PLACE", "疆")]),
    # dates and people
    ("秘书长卡林顿在唁电中说，两国友谊长存。", [("PERSON", "卡林顿")]),    # LAC's name after a post
    ("要像小平同志要求的那样抓落实。", [("PERSON", "小平")]),              # LAC's name before a title
    ("人民的朋友诺尔曼·白求恩不远万里来到中国。", [("PERSON", "诺尔曼·白求恩")]),  # a ·-name between common words
    ("“十五五”时期开局之年。", [("DATE", "十五五")]),
    ("时间：2026-01-05 10:30", [("DATE", "2026-01-05")]),
    ("基金会主席让·杜邦在信中表示。", [("PERSON", "让·杜邦")]),
    ("公司董事长刘建华主持会议。", [("PERSON", "刘建华")]),
    ("政府工作报告。本报记者 王冰摄\n各位代表：", [("PERSON", "王冰")]),  # a credit, the name without 摄
    ("向华主任讲话。", [("PERSON", "向华")]),
    # the countries of the world, a state's full name whole; the legislature of a country is a body
    ("我国同波兰人民共和国、捷克斯洛伐克共和国和文莱建交。",
     [("PLACE", "波兰人民共和国"), ("PLACE", "捷克斯洛伐克共和国"), ("PLACE", "文莱")]),
    ("马拉维游客增加，马拉维人民热情好客，赞比亚也是。", [("PLACE", "马拉维"), ("PLACE", "赞比亚")]),
    ("美国国会和意大利众议院通过决议。", [("ORG", "美国国会"), ("ORG", "意大利众议院")]),
    ("黄山获联合国教科文组织认定，深化与上合组织农业合作。",
     [("ORG", "联合国教科文组织"), ("ORG", "上合组织")]),                 # international organizations
    # an intercity line by its cities' short forms; 大湾区 alone; a round is no part of a title
    ("加快京津城际、深莞城际建设，支持大湾区国际科技创新中心发展。",
     [("PLACE", "京津城际"), ("PLACE", "深莞城际"), ("PLACE", "大湾区")]),
    ("研究出台新一轮前海总体发展规划。", [("WORK", "前海总体发展规划")]),
    ("推广“互联网+医疗”模式。", [("PROGRAM", "互联网+医疗")]),           # a known program's model
    ("建成50所“陶行知项目”学校。", [("PROGRAM", "陶行知项目")]),        # a quoted project is named
    # a park that exists is a place; one to be built gives its place only (guidelines)
    ("去年，苏州中新智能制造产业园入选首批名单。", [("PLACE", "苏州中新智能制造产业园")]),
    ("建设苏州中新智能制造产业园。", [("PLACE", "苏州")]),
    # zones named 经济区, a park's part in brackets, a race round a lake, the Global South
    ("发展北部湾经济区，推进武夷山国家公园（福建片区）建设，开拓“全球南方”市场。",
     [("PLACE", "北部湾经济区"), ("PLACE", "武夷山国家公园（福建片区）"), ("PLACE", "全球南方")]),
    ("举办环太湖国际公路自行车赛和网球公开赛。", [("EVENT", "环太湖国际公路自行车赛")]),
    ("筹办第五届文明交流互鉴对话会。", [("EVENT", "第五届文明交流互鉴对话会")]),
    # China's macro-regions in context: before 地区 and in a ranking (not "the middle part" of a province)
    ("打造中部地区物流枢纽，营商环境居中部前列。", [("PLACE", "中部"), ("PLACE", "中部")]),
    # alliances, cooperative unions, broadcasting stations and funds at a level; 国防科大 whole
    ("组建省海外研究联盟，省农信联社改革，省广电总台获评，设立省现代产业引导基金。",
     [("ORG", "省海外研究联盟"), ("ORG", "省农信联社"), ("ORG", "省广电总台")]),
    ("国防科大试验速度刷新纪录。", [("ORG", "国防科大")]),
    # a company by its brand and its line of business, where LAC reads an organization
    ("奇瑞汽车在港交所上市。", [("ORG", "奇瑞汽车"), ("ORG", "港交所")]),
    ("引进比亚迪、宁德时代等龙头企业。", [("ORG", "比亚迪"), ("ORG", "宁德时代")]),  # companies.tsv
    # an action named with its own pair of verbs, after a verb running it
    ("实施河道生态修复治理行动。", [("PROGRAM", "河道生态修复治理行动")]),
    # a body's branch in a place: the body, the place and the branch's head are one organization
    ("完善国家技术转移南京中心体系，建设中国农科院江苏创新基地。",
     [("ORG", "国家技术转移南京中心"), ("ORG", "中国农科院江苏创新基地")]),
    ("推动怀柔国家实验室青海基地、金砖国家工业能力中国中心建设。",
     [("ORG", "怀柔国家实验室青海基地"), ("ORG", "金砖国家工业能力中国中心")]),
])
def test_recognizes(nlp, text, expected):
    found = ents(nlp, text)
    for item in expected:
        assert item in found, (item, found)


@pytest.mark.parametrize("text,not_expected", [
    ("建设零碳园区和产业集聚区。", ("PLACE", "零碳园区")),
    ("建设国家区域医疗中心和国家级郑州中心。", ("ORG", "国家级郑州中心")),  # a level, no body
    ("支持大湾区国际科技创新中心建设。", ("ORG", "大湾区国际科技")),  # LAC cut a phrase before its head
    ("向各民主党派、工商联、无党派人士表示感谢。", ("ORG", "工商联")),  # the kind of body in the greetings
    ("老龄、慈善、红十字等事业稳步发展。", ("ORG", "红十字")),  # causes, no bodies
    ("加快建设南平、三明省级数字经济产业园。", ("PLACE", "三明省级数字经济产业园")),
    ("江西省政府工作报告\n新建改建县乡公路800公里。", ("PLACE", "新建")),  # a county's short read as a verb
    ("推行“园区+企业”模式。", ("PROGRAM", "园区+企业")),  # a way of working
    ("推行“管委会+公司”模式。", ("ORG", "管委会+公司")),
    ("提升普通公路安全水平。", ("PLACE", "普通公路")),  # jieba's tags corrected
    ("建设更高水平的平安城市。", ("PERSON", "高水平")),
    ("支持甘肃中部节水改造。", ("PLACE", "中部")),
    ("巩固工农联盟。", ("ORG", "工农联盟")),                          # an alliance of classes, no body
    ("推进中国—东盟人工智能联合实验室建设。", ("ORG", "东盟人工智能")),
    ("玉米预计都可以超额完成种植计划。", ("PROGRAM", "玉米预计都可以超额完成种植计划")),
    ("坚持向海发展，推动向海图强。", ("PERSON", "向海")),                    # 向 "towards", no surname
    ("新设3个综合保税区。", ("PLACE", "新设")),
    ("湖北文旅品牌影响力持续提升。", ("ORG", "湖北文旅")),               # a place's sector and its brand
    ("组织“十大产业攻关项目”。", ("PROGRAM", "十大产业攻关项目")),   # a numbered set
    ("向社会资本推介重大项目。", ("PROGRAM", "社会资本推介重大项目")),  # a kind of project
    ("申报国家农业提质增效示范项目。", ("PROGRAM", "国家农业提质增效示范项目")),
    ("改革浪潮奔涌向前。", ("ORG", "浪潮")),                          # a common word, no company
    ("增加纳税人数。", ("PLACE", "加纳")),                  # a country only where it is a word
    ("支持沿海地区发展。", ("PLACE", "海地")),
    ("马拉维游客增加，马拉维人民热情好客。", ("PERSON", "马拉维")),
    ("推进中心城区更新。", ("PLACE", "城区")),
    ("按照自治区党委全会精神。", ("EVENT", "按照自治区党委全会")),
    ("王书记和任老出席。", ("PERSON", "王书记")),
    ("发展“两新组织”党建。", ("PROGRAM", "两新")),
    ("增加5000个高中招生计划。", ("PROGRAM", "增加5000个高中招生计划")),
    ("推动北京建设全国科技创新中心。", ("ORG", "北京建设全国科技创新中心")),
    ("培育一批高水平医院。", ("ORG", "高水平医院")),
    ("支持智慧园区绿电直连。", ("PLACE", "智慧园区")),
    ("建设更多支线。", ("PLACE", "支线")),
    ("加强“人才池”管理。", ("PROGRAM", "人才池")),
    ("建设健康乡村。", ("PROGRAM", "健康乡村")),                  # no place: no campaign
    ("做强绿色石化。", ("ORG", "绿色石化")),                        # a common word is no brand
    ("深化沪滇协作。", ("PLACE", "滇")),                               # a pairing program's name
    ("从“强功能”向“优配置”转变。", ("PROGRAM", "强功能")),              # not the subject of a clause
    ("新增更多全国重点实验室。", ("ORG", "全国重点实验室")),              # a designation at a level
    ("推动更多企业增资扩产项目落地。", ("PROGRAM", "更多企业增资扩产项目")),
    ("安排专项债券资金500亿元支持项目。", ("PROGRAM", "专项债券资金500亿元支持项目")),  # an amount: no name
    ("不搞形象工程。", ("PROGRAM", "形象工程")),                          # a pejorative kind
    ("发展英德红茶。", ("PLACE", "德")),                                  # a city's name, not two countries
    ("跑出“江西速度”。", ("PROGRAM", "江西速度")),                        # a quoted figure names no program
    ("建设中心镇，推进城中村改造。", ("PLACE", "中心镇")),                  # kinds of towns and villages
    ("推动苏浙皖交界地区发展。", ("PERSON", "苏浙皖")),                    # provinces, not a person
    ("建设中心镇，推进城中村改造。", ("PLACE", "城中村")),
    ("支持赣州省域副中心建设。", ("ORG", "赣州省域副中心")),
    ("省内首座抽水蓄能工程——甲乙输水工程建成。", ("PROGRAM", "省内首座抽水蓄能工程")),  # a description
    ("新增普及普惠县26个。", ("PLACE", "普惠县")),          # a kind of county, counted
    ("加快山区海岛县高质量发展。", ("PLACE", "海岛县")),       # no county of that name: a kind   # 加强 runs a program only with 建设 after it
    ("行政村通双车道公路覆盖率达到九成。", ("PLACE", "通双车道公路")),  # a kind of road
    ("推进现代化智慧口岸建设。", ("PLACE", "现代化智慧口岸")),
    ("加快城市间高铁建设，提升普通国省道。", ("PLACE", "城市间高铁")),   # 城市 is no place's name
    ("加快城市间高铁建设，提升普通国省道。", ("PLACE", "普通国省道")),
    ("滚动实施好标志性工程。", ("PROGRAM", "好标志性工程")),         # 好 of 实施好 opens no name
    ("建设运营好国家区域医疗中心。", ("ORG", "国家区域医疗中心")),   # a designation many hospitals hold
    ("新湖北·湖北日报记者 王小明 报道。", ("PERSON", "新湖北·湖北日报记者")),  # a name never ends in a role
    ("两条高速在此交会处相连。", ("EVENT", "速交会")),
    ("车辆川流不息。", ("PLACE", "川")),                          # a short inside a word is no place
    ("表彰20名天津优秀青年工程师。", ("PLACE", "天津")),         # nothing inside an honour title
    ("为上海科技创新中心建设奠定基础。", ("ORG", "上海科技创新中心")),  # a development goal
    ("与上海市学校结对。", ("ORG", "上海市学校")),             # the schools of a place, not one school
    ("建强国家重点实验室。", ("ORG", "建强国家重点实验室")),  # a verb never opens a name
    ("启动黄河甘肃段河道整治工程。", ("PLACE", "黄河甘肃段")),   # works on a river's section: two mentions (gold)
    ("山东省：稳增长、惠民生各项工作扎实推进。", ("PLACE", "惠民")),   # a verb, not the county
    ("三家单位获中国质量奖。", ("PLACE", "中国")),                 # nothing inside an award
    ("加快美丽中国先行区建设。", ("PROGRAM", "美丽中国")),          # a designation, not the campaign
    ("协调推进“四个全面”战略布局。", ("PROGRAM", "“四个全面”战略")),  # a slogan keeps no cue
    ("落实“并重”要求。", ("PROGRAM", "并重")),                    # a common verb quoted
    ("统筹山水林田湖草沙系统治理。", ("PERSON", "林田湖")),          # a principle, no person inside
    ("技术创新中心、新兴产业创新中心达到8家。", ("ORG", "新兴产业创新中心")),  # kinds, counted
    ("启动实施城市更新三年行动。", ("PROGRAM", "实施城市更新三年行动")),  # 实施 runs the action
    ("拓展康养、文旅等服务消费。", ("PERSON", "康养")),                 # LAC's coinage, no context of a person
    ("擦亮“行走江西·读懂中国”品牌。", ("PERSON", "行走江西·读懂中国")),   # a ·-slogan, no foreign name
    ("支持农民进城，推动美丽乡村建设。", ("PLACE", "美")),
    ("修缮坑洼路和新农村道路。", ("PLACE", "坑洼路")),                    # built from common words
    ("满足对美好生活的向往，在日常工作中。", ("PLACE", "美")),          # a short that starts a word
    ("请问现任法国总统是谁？", ("PERSON", "任法国")),                      # a place before a title
    ("湖北省认真贯彻中央纪委全会精神。", ("ORG", "湖北省认真贯彻中央纪委")),  # an adverb inside is no name
    ("3.中国青年艺术节在沪开幕。", ("EVENT", "3.中国青年艺术节")),        # a list number is no part of a name
    ("实施重点技改项目120个。", ("PROGRAM", "重点技改项目")),            # a kind, counted
    ("推进城市更新六大工程。", ("PROGRAM", "城市更新六大工程")),          # a numbered set of programs
    ("举办东湖论坛、中欧合作与发展论坛、中国数字经济大会。", ("EVENT", "发展论坛")),  # half a coordination
    ("实施长江干流岸线整治工程。", ("PROGRAM", "长江干流岸线整治工程")),  # works on a river give the river
    ("《规划（草案）》经大会通过后实施。", ("EVENT", "《规划（草案）》经大会")),  # a preposition ends an event's name
    ("国家技术创新中心、产业创新中心达到6家。", ("ORG", "国家技术创新中心")),  # a level's kind, counted
    ("“四链”实验室体系基本形成。", ("ORG", "“四链”实验室")),             # a system of such bodies
    ("落实五条措施。", ("WORK", "五条措施")),                        # measures not issued: no title
    ("建成县域物流中心12个。", ("ORG", "县域物流中心")),              # the extent of a level, no body
    ("建成县域物流中心12个。", ("ORG", "成县域物流中心")),            # 成县 straddles the word 建成
    ("新建通用机场6个。", ("PLACE", "新建通用机场")),                  # a kind of facility, counted
    ("跑好改革发展“马拉松”。", ("EVENT", "马拉松")),                    # a head alone names nothing
])
def test_does_not_recognize(nlp, text, not_expected):
    assert not_expected not in ents(nlp, text)


def test_bare_level_body_names_the_region_only_where_it_can(nlp):
    # in a provincial report 市委 is some city's committee: no mention
    assert ("ORG", "市委") not in ents(nlp, "河南省科协召开会议，报送市委、市政府参考。")
    # in a report of a city, 市委 is that city's
    assert ("ORG", "市委") in ents(nlp, "北京市科协召开会议，贯彻市委部署。")


def test_one_sense_per_report(nlp):
    found = ents(nlp, "开通“云上科普”客户端。截至年底，云上科普访问量增长。")
    assert found.count(("PROGRAM", "云上科普")) == 2


def test_groups_of_cities_by_their_first_characters(nlp):
    # in a report of 甘肃, 兰 and 白 are 兰州 and 白银: a group of cities, no person, wherever it recurs
    text = "甘肃省政府工作报告\n推动兰州、白银两市合作，推动兰白一体化发展，建设兰白科技创新改革试验区。"
    found = ents(nlp, text)
    assert ("PERSON", "兰白") not in found
    assert found.count(("PLACE", "兰白")) == 2


def test_a_national_report_is_no_province_s(nlp):
    # one mention each of two provinces' divisions makes no report of either: no county short is read
    text = "香港特别行政区和天津市代表出席。我们坚持和平发展道路。"
    assert ("PLACE", "和平") not in ents(nlp, text)


def test_title_line_is_a_work(nlp):
    found = ents(nlp, "2026年河南省政府工作报告\n——在河南省第十四届人民代表大会上\n各位代表：")
    assert ("WORK", "2026年河南省政府工作报告") in found


@pytest.mark.parametrize("text", [
    "坚持农业农村优先发展，建设生态宜居乡村。",
    "推动文明乡风建设，促进城乡融合和城镇发展。",
    "振兴乡村产业，兴盛农村文化。",
])
def test_common_words_are_no_townships_or_villages(nlp, text):
    assert [t for label, t in ents(nlp, text) if label == "PLACE"] == []


@pytest.mark.parametrize("text,expected", [
    ("开通宜常高铁。", ("PLACE", "宜常高铁")),          # a line named by abbreviations of its ends
    ("建成涔天河水库。", ("PLACE", "涔天河水库")),       # a proper name holding a district's name
    ("开通兰州轨道交通二号线。", ("PLACE", "兰州轨道交通二号线")),
    ("支持湘西州发展。", ("PLACE", "湘西州")),
    ("启动黄河甘肃段河道整治工程。", ("PLACE", "甘肃")),   # works on a river's section: the river and the place (gold)
    ("建设西成铁路甘肃段。", ("PLACE", "西成铁路甘肃段")),     # a line's named section stays one
    ("扩建磨憨口岸互贸区。", ("PLACE", "磨憨口岸互贸区")),      # a border port that is no division
    ("经红其拉甫出境。", ("PLACE", "红其拉甫")),
    ("建设中越东兴—芒街跨境经济合作区。", ("PLACE", "中越东兴—芒街跨境经济合作区")),  # the two countries first
    ("建成西成高铁汉中至安康支线。", ("PLACE", "西成高铁汉中至安康支线")),  # a part after its line
    ("启用长沙黄花国际机场T3航站楼。", ("PLACE", "长沙黄花国际机场T3航站楼")),
    ("治理查干淖尔。", ("PLACE", "查干淖尔")),
    ("建成中川机场环线铁路。", ("PLACE", "中川机场环线铁路")),     # a line named by another facility
    ("湘南湘西承接产业转移。", ("PLACE", "湘西")),
    ("推进平安江西、法治江西建设。", ("PROGRAM", "法治江西")),       # a campaign word and a province
    ("配合国务院专项督查。", ("EVENT", "国务院专项督查")),
    ("华信证券、安康人寿落户济南。", ("ORG", "华信证券")),              # company kinds after a brand
    ("开行“江西”号专列。", ("PLACE", "江西")),                            # a quote holding a place alone
    ("深化鄂湘毗邻地区合作。", ("PLACE", "湘")),                      # provinces by their shorts together
    ("服务提速。“赣企通”兑现奖补资金3亿元。", ("PROGRAM", "赣企通")),   # a quoted service acting            # an inspection by the State Council
    ("省内首座抽水蓄能工程——甲乙输水工程建成。", ("PROGRAM", "甲乙输水工程")),  # apposition after ——
    ("建设书香深圳。", ("PROGRAM", "书香深圳")),
    ("全面实施打造先进制造业发展高地行动。", ("PROGRAM", "打造先进制造业发展高地行动")),  # its own verb
    ("深化护航优化营商环境行动。", ("PROGRAM", "护航优化营商环境行动")),
    ("创新举办省旅发大会。", ("EVENT", "省旅发大会")),
    ("本报记者 祁艳恩摄\n各位代表：", ("PERSON", "祁艳恩")),   # a photo credit the segmenter joined to 摄
    ("推进庄河核电建设。", ("PLACE", "庄河核电")),                      # a nuclear plant by its place
    ("建设大运河文化带。", ("PLACE", "大运河文化带")),
    ("中国华能、国家电网参与建设。", ("ORG", "中国华能")),                # central enterprises
    ("荣获联合国“地球卫士奖”。", ("ORG", "联合国")),                      # the giver is outside the award
    ("办好进博会、服贸会和消博会。", ("EVENT", "服贸会")),           # fairs by their short names
    ("四川省：在川企业达到10家。", ("PLACE", "川")),             # the report's province by its short name               # two regions written together stay two
    ("增速居中部地区前列，建设长株潭都市圈。", ("PLACE", "中部")),  # 地区 out (annotators, guidelines)
    ("推进引江济淮工程和引汉济渭。", ("PLACE", "引江济淮工程")),   # a water transfer by its two ends
    ("推进引江济淮工程和引汉济渭。", ("PLACE", "引汉济渭")),
    ("良渚国家考古遗址公园开园。", ("PLACE", "良渚国家考古遗址公园")),  # a designation's level inside
    ("支持沂蒙革命老区振兴。", ("PLACE", "沂蒙革命老区")),           # a base area by its region
    ("推动湘鄂渝黔毗邻地区合作。", ("PLACE", "黔")),                 # short forms stay one each
    ("桑张、城龙等3条高速公路开工。", ("PLACE", "城龙")),          # a count between 等 and the head
    ("新增青岩寺、翠屏沟、雁岭关3家5A级景区。", ("PLACE", "翠屏沟")),    # a count alone closes a list
    ("宿州保税物流中心（B型）获批设立。", ("PLACE", "宿州保税物流中心（B型）")),  # its type in brackets
    ("推进长征国家文化公园（湖南段）建设。", ("PLACE", "长征国家文化公园（湖南段）")),  # the State's list
    ("大熊猫国家公园管理水平提升。", ("PLACE", "大熊猫国家公园")),
    ("株洲奥体中心投入使用。", ("PLACE", "株洲奥体中心")),                # a venue, no organization
    ("天祝吐谷浑王族墓葬群得到保护。", ("PLACE", "天祝吐谷浑王族墓葬群")),  # a tomb group
])
def test_facility_names(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_no_facility_from_a_verb(nlp):
    assert ("PLACE", "新开工高速公路") not in ents(nlp, "新开工高速公路10条。")


# Rules of 1 December (third session); sentences written for these tests.
@pytest.mark.parametrize("text,expected", [
    # a power line between two provinces named by their shorts is a facility, not a program
    ("晋豫直流联网工程明年投运。", [("PLACE", "晋豫直流联网工程")]),
    ("蒙冀特高压输电工程开工。", [("PLACE", "蒙冀特高压输电工程")]),
    # water and power works named by their region
    ("建成豫西水资源配置工程。", [("PLACE", "豫西水资源配置工程")]),
    # two programs joined by 和, each with its own head
    ("实施人才安居工程和青年创业计划。", [("PROGRAM", "人才安居工程"), ("PROGRAM", "青年创业计划")]),
    # bodies listed by their kind before 等群团 are kinds of body; a level before one names a body
    ("支持工会、共青团、妇联、残联等群团组织发挥作用。", []),
    ("市总工会、团市委、市妇联等人民团体积极参与。", [("ORG", "市总工会"), ("ORG", "团市委"), ("ORG", "市妇联")]),
    # merchants' conventions and the ordinal of a fair's short name
    ("筹办第三届全球晋商大会。", [("EVENT", "第三届全球晋商大会")]),
    ("参加第九届中国哈洽会。", [("EVENT", "第九届中国哈洽会")]),
    # countries by their one-character forms, one place each, continents with them
    ("巩固欧美日韩市场。", [("PLACE", "欧"), ("PLACE", "美"), ("PLACE", "日"), ("PLACE", "韩")]),
    ("中美关系稳定发展。", [("PLACE", "中"), ("PLACE", "美")]),
    ("，非法集资案件下降。", []),                                       # 非法 is a word
    ("打通亚欧运输通道。", [("PLACE", "亚欧")]),                        # two continents: one region
    # China and another country's form qualify a bilateral forum
    ("举办中非农业合作论坛。", [("EVENT", "中非农业合作论坛")]),
    # a party committee qualifies its meeting; its standing committee stays a body
    ("按照省委经济工作会议部署，市委常委会会议研究落实。", [("EVENT", "省委经济工作会议"), ("ORG", "市委常委会")]),
])
def test_rules_of_the_third_session(nlp, text, expected):
    assert ents(nlp, text) == expected


def test_a_pair_of_provinces_works_stops_at_a_list(nlp):
    # 等 closes a list of lines before a kind of works: no name runs over it
    assert not any("等" in t for _label, t in ents(nlp, "推进藏粤直流等输电工程。"))


# Rules of 1 December (fourth session); sentences written for these tests.
@pytest.mark.parametrize("text,expected", [
    # corridors and belts of innovation are programs named by the places they join
    ("共建晋冀鲁豫能源流通走廊。", [("PROGRAM", "晋冀鲁豫能源流通走廊")]),
    ("融入长三角G60科创走廊。", [("PROGRAM", "长三角G60科创走廊")]),
    ("三省共建哈长产业科技创新带。", [("PROGRAM", "哈长产业科技创新带")]),   # the verb before stays out
    ("完善县域科创走廊。", []),                                           # a scope alone names none
    # the parts of a free trade zone, once the zone is named
    ("深化自贸试验区改革，支持青岛片区开展保税维修。", [("PLACE", "青岛片区")]),
    ("推进城市更新重点片区建设，青岛片区改造完成。", [("PLACE", "青岛")]),
    # venues of ice and snow sports are places
    ("建成长春冰上运动中心。", [("PLACE", "长春冰上运动中心")]),
    # a ceremony is named after whom it honours; a name before a facility's head is no person
    ("举办公祭轩辕大典。", [("EVENT", "公祭轩辕大典")]),
    # the host city before an edition of games joins the event
    ("成功举办杭州第19届亚运会。", [("EVENT", "杭州第19届亚运会")]),
    # a new round of a program is no part of its name
    ("实施新一轮乡村建设行动。", [("PROGRAM", "乡村建设行动")]),
    # 部门 is a department of any kind, not the ministry; 新晋 is "newly made", no provinces
    ("组织科技部门和高校开展合作。", []),
    ("今年新晋中国科学院院士。", [("ORG", "中国科学院")]),
    # a scope and words of kind make a kind of works, no name
    ("推进一批国家重大工程和重点水利工程。", []),
    # a head of three characters is a word to the segmenter (太原都市|圈同城 was its reading)
    ("推动大同都市圈同城化发展。", [("PLACE", "大同都市圈")]),
    # landforms named by a place or a river; years of a campaign
    ("治理汾河谷地和运城盆地。", [("PLACE", "汾河谷地"), ("PLACE", "运城盆地")]),
    ("持续开展重大项目建设年活动。", [("PROGRAM", "重大项目建设年")]),
    ("打造环长三角算力走廊。", [("PROGRAM", "环长三角算力走廊")]),
    # a body's short name joined to its members in one word; the two academies before 院士
    ("慰问武警官兵。", [("ORG", "武警")]),
    ("表彰两院院士。", [("ORG", "两院")]),
    # rankings are lists, like honours; 中国特色 is a qualifier, no place
    ("进入中国民营企业500强。", []),
    ("走具有中国特色的道路。", []),
])
def test_rules_of_the_fourth_session(nlp, text, expected):
    assert ents(nlp, text) == expected


def test_companies_open_the_items_of_a_list_of_projects(nlp):
    # LAC reads the brands as organizations; in a list of projects they are the companies building them
    found = ents(nlp, "推动众擎机器人基地、中铝北方新材料等项目开工。")
    assert ("ORG", "众擎") in found and ("ORG", "中铝") in found
    # the same words outside a list of projects are left to the other rules
    assert ("ORG", "中铝") not in ents(nlp, "中铝北方新材料。")


def test_a_province_before_a_level_is_where_the_bodies_are(nlp):
    assert not any(label == "ORG" for label, _t in ents(nlp, "支持在晋全国重点实验室发展。"))


@pytest.mark.parametrize("text,expected", [
    # a conjunction's character opening a longer word is no conjunction (同 of 同济大学)
    ("来自同济大学的专家。", ("ORG", "同济大学")),
    # a body the dictionary knows by name (卫生部) and a county's short name before an organ
    ("项目由卫生部承贷。", ("ORG", "卫生部")),
    ("学生到海淀检察院实习。", ("ORG", "海淀检察院")),
    # customs and branches are organs; former ministries are known by name
    ("深圳海关查获一批走私货物。", ("ORG", "深圳海关")),
    ("新华社澳门分社举行招待会。", ("ORG", "新华社澳门分社")),
    ("国家计委和轻工业部联合发文。", ("ORG", "轻工业部")),
    # a court's level is part of its name; a newspaper that reports is the body
    ("此案经海口市中级人民法院审理。", ("ORG", "海口市中级人民法院")),
    ("光明日报记者报道。", ("ORG", "光明日报")),
    # an organ inside one word of the segmenter with a post (政协主席, 县委书记): the post stays out
    ("自治区政协主席出席。", ("ORG", "自治区政协")),
    ("县委书记主持会议。", ("ORG", "县委")),
    # a department right after a national body; the armed forces by their names
    ("财政部金融司发布通知。", ("ORG", "财政部金融司")),
    ("参加红军后转战南北。", ("ORG", "红军")),
    # a bilateral friendship association by the countries' forms
    ("应中日友协的邀请访华。", ("ORG", "中日友协")),
])
def test_lac_organizations_kept(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text", [
    "新建省重点实验室、省工程研究中心各10家。",   # kinds of body, counted with 各
    "支持洛阳建设国家区域中心城市。",             # what a city is to become, no body
    "支持建设国家技术创新中心。",                 # a designated kind, no one body
    "新建国家技术创新中心2家。",                  # counted right after its name
    "支持储能、氢能等领域国家制造业创新中心建设。",  # 等领域 ends what comes before
    "多项做法获国家部委推广。",                   # the ministries and commissions, no one body
    "争创全国法治政府建设示范市。",               # a goal of government
    # lists of sectors, not of companies
    "在纺织、食品、运输等企业中推广节能。",
    "吸引芯片封装测试、材料研发制造等企业落户。",  # lines of business built of words
    "推动钢铁、化工、建材等企业节能降碳。",
    # LAC's names that are sectors, a religion, a scope and a sector, a quoted coinage
    "做好民族、宗教、广电、档案工作。",
    "研究藏传佛教艺术。",
    "提升国际航空货运能力。",
    "推动“京津通办”提质增效。",
    "建设郑州国际航空枢纽。",                   # a place's hub, no airline
    "推动厦门国际航运中心和区域金融中心建设。",  # what a city is to become
    # 联通 as the verb (the company is 中国联通 or 联通公司)
    "打造联通川渝的物流走廊。",
    "推动城乡道路联通。",
])
def test_no_organization_in_kinds_and_designations(nlp, text):
    assert not any(label == "ORG" for label, _t in ents(nlp, text))


def test_the_kind_of_institution_stays_unannotated(nlp):
    assert not any(label == "ORG" for label, _t in ents(nlp, "发挥人民政协的作用。"))
    assert not any(label == "ORG" for label, _t in ents(nlp, "提高城区公办幼儿园占比。"))  # a kind of school
    assert ("ORG", "党中央") in ents(nlp, "这是党中央统揽全局的结果。")  # 局 of 全局 heads no department


def test_today_ends_no_named_day(nlp):
    # 今日 (today) after a body is no day of the 全国…日 kind
    assert not any(label == "EVENT" for label, _t in ents(nlp, "全国政协代表团今日离京访问。"))
    assert ("EVENT", "全国科技工作者日") in ents(nlp, "纪念全国科技工作者日。")


@pytest.mark.parametrize("text,expected", [
    # a provincial football league by the province's form and 超, in quote marks
    ("“鄂超”火爆出圈。", [("EVENT", "鄂超")]),
    ("培育“滇超”等品牌赛事。", [("EVENT", "滇超")]),
    ("球队成功“冲超”。", []),  # 冲超: to win promotion, no league
])
def test_provincial_leagues(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the items of a list of enterprises are companies where they read as brands
    ("瑞芯拓等3家企业入选试点名单。", [("ORG", "瑞芯拓")]),
    ("支持恒拓智能、云栖数科等龙头企业牵头。", [("ORG", "恒拓智能"), ("ORG", "云栖数科")]),
    ("培育了甜柚科技、云栖数科等一批领军企业。", [("ORG", "甜柚科技"), ("ORG", "云栖数科")]),
])
def test_companies_in_lists_of_enterprises(nlp, text, expected):
    found = ents(nlp, text)
    assert all(e in found for e in expected)


@pytest.mark.parametrize("text,expected", [
    # a quoted name with words of its own before the head is one name, marks inside
    ("深入实施“万亩良田”产能提升工程。", ("PROGRAM", "“万亩良田”产能提升工程")),
    ("开展“两类疾病”综合防治行动。", ("PROGRAM", "“两类疾病”综合防治行动")),
    ("推进“一河清水入珠江”生态修复工程。", ("PROGRAM", "“一河清水入珠江”生态修复工程")),
    # a word of scope after the quoted name opens a new phrase: the quoted one is the name
    ("开展“科学之旅”全区科技馆联合行动。", ("PROGRAM", "科学之旅")),
])
def test_quoted_name_with_modifier_before_head(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a river's section by the place it runs through is one place, brackets and all
    ("推进黄河宁夏段生态保护。", [("PLACE", "黄河宁夏段")]),
    ("加快大运河（扬州段）综合治理。", [("PLACE", "大运河（扬州段）")]),
    # works on a section give the river and the place (the gold's 黄河内蒙古段河道治理工程)
    ("实施黄河宁夏段河道治理工程。", [("PLACE", "黄河"), ("PLACE", "宁夏")]),
])
def test_river_sections(nlp, text, expected):
    assert ents(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a city's metro lines, with the city or without it, and by number where the metro is spoken of
    ("开通地铁5号线南段，启动9号线、12号线建设。", ["地铁5号线南段", "9号线", "12号线"]),  # a section by direction: tenth session
    ("西宁轨道交通1号线开工。", ["西宁轨道交通1号线"]),
])
def test_metro_lines(nlp, text, expected):
    assert [t for label, t in ents(nlp, text) if label == "PLACE"] == expected


def test_metro_line_without_its_phase(nlp):
    assert ("PLACE", "5号线") in ents(nlp, "地铁建设方面，加快推进5号线一期东段。")  # the phase is no section


def test_numbered_line_without_a_metro_is_no_place(nlp):
    assert not any(label == "PLACE" for label, _t in ents(nlp, "新建3号线生产车间。"))


@pytest.mark.parametrize("text", [
    "推动“茶旅+”融合发展。",              # a way of joining sectors, no program by the verb alone
    "推广“研发+制造+服务”运营模式。",
    "深入实施扩大内需战略。",                # a strategy named by what it describes
    "优化消费品以旧换新政策。",              # the trade-in policy unquoted: annotators leave it out
    "编制全口径政府投资计划。",              # a budget's list of projects
    "推进“白名单”项目融资。",                # a list of projects a policy favours
    "坚持发展新时代“枫桥经验”。",            # a model of work, like a slogan (the gov gold)
    "通过“揭榜挂帅”等方式攻关。",            # a way of assigning work
])
def test_no_program_in_sector_coinages_and_descriptive_strategies(nlp, text):
    assert not any(label in ("PROGRAM", "ORG") for label, _t in ents(nlp, text))


@pytest.mark.parametrize("text,expected", [
    ("建设“人工智能+教育”示范场景。", ("PROGRAM", "人工智能+教育")),   # opens with a national program
    ("推进“健康保险+”改革。", ("PROGRAM", "健康保险+")),               # a cue after it names one
    ("加力实施家电“以旧换新”。", ("PROGRAM", "以旧换新")),        # quoted and run: the campaign
    ("坚持实施西部大开发战略。", ("PROGRAM", "西部大开发战略")),
    ("全面完成“七五”普法各项任务。", ("PROGRAM", "“七五”普法")),    # the campaign, no plan period
    ("大力实施科教兴国战略。", ("PROGRAM", "科教兴国战略")),        # a coined name, kept
    ("统筹西部开发和中部崛起。", ("PROGRAM", "中部崛起")),            # the regional strategies
    ("共同推动长江经济带高质量发展。", ("PROGRAM", "长江经济带高质量发展")),
])
def test_programs_kept(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("高质量办理省人大代表建议300件。", ("ORG", "省人大")),      # 人大代表 is one word: the organ still ends
    ("争取储能领域国家技术创新中心获批。", ("ORG", "储能领域国家技术创新中心")),  # a field makes it one body
    ("建设国家先进陶瓷材料制造业创新中心。", ("ORG", "国家先进陶瓷材料制造业创新中心")),
])
def test_organs_and_designated_bodies(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("据人民日报报道。", ("ORG", "人民日报")),                      # a newspaper is a media outlet (guidelines)
    ("民革中央常务副主席出席。", ("ORG", "民革中央")),              # a democratic party's central committee
    ("我们市委宣传部组织了专题培训。", ("ORG", "市委宣传部")),      # a pronoun opens a phrase
])
def test_outlets_parties_and_level_organs(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("不少海口市民周末去公园散步。", [("PLACE", "海口")]),            # 市民: the city's people
    ("成都市民政局印发通知。", [("ORG", "成都市民政局")]),              # 民政局: a body
    ("今天华北大部、西北大部气温回升。", [("PLACE", "华北"), ("PLACE", "西北")]),  # 大部: most of a region
])
def test_residents_and_most_parts(nlp, text, expected):
    assert ents(nlp, text) == expected


def test_dateline_and_preposition_end_names(nlp):
    # 日电 closes a dateline: the story's first name starts after it; 据 opens a source, no part of a name
    found = ents(nlp, "新华社北京3月2日电亚洲艺术交流协会今日成立。")
    assert ("ORG", "亚洲艺术交流协会") in found
    found = ents(nlp, "会见芬兰议会代表团据新华社杭州4月2日电。")
    assert ("ORG", "芬兰议会代表团") in found and ("ORG", "新华社") in found


@pytest.mark.parametrize("text,expected", [
    # the segmenter's HMM joined the name's last character and a function character into one word
    ("任命周志恒为驻外大使。", ("PERSON", "周志恒")),
    ("钥匙留在赵明轩家。", ("PERSON", "赵明轩")),
])
def test_names_inside_unknown_words(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text", [
    "深化林芝改革试点。",             # a division's name, no person without a title beside it
    "发展蔬菜、中药材、林竹等特色种植。",   # an item among common words is no person
])
def test_no_person_in_places_and_lists_of_things(nlp, text):
    assert not any(label == "PERSON" for label, _t in ents(nlp, text))


def test_no_person_before_a_program_head(nlp):
    # cities' initials that LAC reads as a name, right before a program's head
    assert not any(label == "PERSON" for label, _t in ents(nlp, "共建沈大经济走廊。"))


def test_no_person_cut_out_of_a_quoted_coinage(nlp):
    # LAC cuts a run of cities' initials in quote marks (the 宜荆荆恩 city cluster of Hubei): its tail is no person
    assert not any(label == "PERSON" for label, _t in ents(nlp, "带动“宜荆荆恩”城市群发展。"))


def test_person_with_title_kept(nlp):
    assert ("PERSON", "王明远") in ents(nlp, "市长 王明远")


@pytest.mark.parametrize("text", [
    "推进海绵城市建设。",                 # a kind of city built of common words
    "实施跨越类山区海岛县帮扶。",         # a category of county
    "建设智慧口岸。",             # a kind of port
    "建成一批零碳社区。",                 # a kind of community
    "让金山银山惠及群众。",         # a slogan's halves
    "所有地州市通了高速。",       # levels of division
])
def test_no_place_in_kinds_and_slogans(nlp, text):
    assert not any(label == "PLACE" for label, _t in ents(nlp, text))


def test_conjunction_before_level_words_is_no_county(nlp):
    # 和 joins two phrases; 县乡 are levels, not the county 和县
    assert not any(label == "PLACE" for label, _t in ents(nlp, "理顺城市管理和县乡财政关系。"))
    assert ("PLACE", "和县") in ents(nlp, "安徽省和县发展旅游。")  # its parent named before it


def test_district_with_a_word_inside_kept(nlp):
    assert ("PLACE", "湟中区") in ents(nlp, "湟中区、祁连县获评。")


@pytest.mark.parametrize("text,expected", [
    # a verb that introduces actions opens the name: its own verbs and adverbs are in it
    ("实施农村居民持续增收行动，累计帮扶。", ("PROGRAM", "农村居民持续增收行动")),
    ("开展中小企业对标提升行动。", ("PROGRAM", "中小企业对标提升行动")),
    ("实施新一轮水环境质量持续提升行动。", ("PROGRAM", "水环境质量持续提升行动")),  # the round is no part of it
    ("实施新时代乡村工匠培育工程。", ("PROGRAM", "乡村工匠培育工程")),      # nor is the era
    ("深入推进新时代立德树人工程。", ("PROGRAM", "立德树人工程")),
    # not across a particle, a count or a conjunction
    ("西部山区开展了防护林建设工程。", ("PROGRAM", "防护林建设工程")),
    ("实施一批重大技术攻关工程。", ("PROGRAM", "重大技术攻关工程")),
    ("开展乡村建设行动和城市更新行动。", ("PROGRAM", "城市更新行动")),
    ("实施区域协调提升战略和园区提质增效行动。", ("PROGRAM", "园区提质增效行动")),  # a strategy has its own head
    # words before a quoted part stay in the name
    ("实施县域商业“提档升级”三年行动。", ("PROGRAM", "县域商业“提档升级”三年行动")),
])
def test_actions_introduced_by_a_verb(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_place_joined_to_its_people(nlp):
    # 港澳同胞 is one word to the segmenter: the place still opens it
    assert ("PLACE", "港澳") in ents(nlp, "港澳同胞踊跃参与。")


@pytest.mark.parametrize("text,expected", [
    ("改造青峰灌区。", ("PLACE", "青峰灌区")),   # LAC's place before a head that needs one
    ("支持临川机场、芜宣机场发展。", ("PLACE", "芜宣机场")),
])
def test_facilities_named_by_lac_places(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_three_provinces_by_their_forms_are_one_place(nlp):
    assert ("PLACE", "沪苏浙") in ents(nlp, "学习沪苏浙先进经验。")   # a region, as 京津冀
    found = ents(nlp, "深化鲁豫毗邻地区合作。")                          # a pair: two places
    assert ("PLACE", "鲁") in found and ("PLACE", "豫") in found


def test_a_places_ports_are_no_port_name(nlp):
    # ports are named with 港; 港口 after a place is that place's ports
    assert ents(nlp, "推动河北港口转型升级。") == [("PLACE", "河北")]


def test_the_north_as_a_region(nlp):
    assert ("PLACE", "北方") in ents(nlp, "成为北方重要的物流枢纽。")
    assert not any(t == "北方" for _l, t in ents(nlp, "筑牢我国北方重要生态安全屏障。"))  # a slogan


def test_rivers_written_end_to_end_are_a_list(nlp):
    found = ents(nlp, "治理珠江闽江赣江的水污染。")
    assert ("PLACE", "珠江") in found and ("PLACE", "赣江") in found


def test_river_basins(nlp):
    assert ("PLACE", "淮河流域") in ents(nlp, "加强淮河流域水污染防治。")
    assert ("PLACE", "珠江") in ents(nlp, "珠江等流域水质改善。")  # a list of rivers before 流域: the rivers


def test_roads_by_number(nlp):
    assert ("PLACE", "G315") in ents(nlp, "新建铁路、G315全线通车。")
    assert not any(t == "G20" for _l, t in ents(nlp, "G20峰会在杭州举行。"))  # two digits: no road


def test_list_of_enterprises_most_of_them_companies(nlp):
    # most items read as companies: the list's head names the rest too
    found = ents(nlp, "支持博睿斯、安德康等重点外企，华润、招商局、国投等央企深化布局。")
    assert ("ORG", "安德康") in found and ("ORG", "招商局") in found


@pytest.mark.parametrize("text,expected", [
    ("认真贯彻《 中华人民共和国民法典 》。", ("WORK", "中华人民共和国民法典")),  # spaces inside the marks stay out
    ("出台深化农村集体产权制度改革实施意见。", ("WORK", "深化农村集体产权制度改革实施意见")),  # the title's own verb
    ("出台支持先进制造业发展若干措施。", ("WORK", "支持先进制造业发展若干措施")),
    ("制定落实区域协调发展实施方案。", ("WORK", "区域协调发展实施方案")),  # 落实 carries it out
    ("确保实现“十四五”规划目标任务。", ("WORK", "“十四五”规划")),          # a verb before the plan's period
    ("出台支持民营企业创新发展的若干措施。", ("WORK", "支持民营企业创新发展的若干措施")),  # 的 inside a title
])
def test_documents_issued(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_newspaper_in_title_marks_is_the_work(nlp):
    assert ("WORK", "光明日报") in ents(nlp, "文章刊于《光明日报》。")
    assert ("ORG", "光明日报") in ents(nlp, "光明日报一版刊发评论。")


@pytest.mark.parametrize("text,expected", [
    ("第三届蓉博会圆满落幕。", ("EVENT", "第三届蓉博会")),         # a fair's short name before a verb of holding
    ("成功申办第35届世界大冬会。", ("EVENT", "第35届世界大冬会")),  # the Universiade's winter games
    ("办好中国（成都）科博会。", ("EVENT", "中国（成都）科博会")),   # the host in brackets after 中国
    ("举办闽台经贸合作洽谈会。", ("EVENT", "闽台经贸合作洽谈会")),   # a province and Taiwan by their forms
    ("筹办好北京奥运会。", ("EVENT", "北京奥运会")),         # the host city's edition, one event
    ("学习十七届四中全会精神。", ("EVENT", "十七届四中全会")),
])
def test_fairs_and_games(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_known_program_quoted_inside_a_longer_phrase(nlp):
    # a nationwide program's name run on from the words before its quote: the quoted part is the name
    found = ents(nlp, "严格落实长江“十年禁渔”。")
    assert ("PROGRAM", "十年禁渔") in found and ("PLACE", "长江") in found


def test_elided_plenums_are_no_events(nlp):
    # term and body elided in a coordination: no session is named whole
    assert not any(label == "EVENT" for label, _t in ents(nlp, "贯彻十七届三中、四中、五中全会精神。"))
    # the sessions of a term taken together: the body that holds them is still named
    found = ents(nlp, "落实县委八届历次全会部署。")
    assert not any(label == "EVENT" for label, _t in found) and ("ORG", "县委") in found


@pytest.mark.parametrize("text,expected", [
    # a quoted coinage names nothing without its program word: the two are one name
    ("深入开展“溪流焕新”行动，成效明显。", ("PROGRAM", "“溪流焕新”行动")),
    ("启动“银龄助学”计划。", ("PROGRAM", "“银龄助学”计划")),
    ("实施乡村旅游“百村千宿”工程。", ("PROGRAM", "乡村旅游“百村千宿”工程")),  # with words of its own before it
    # a program known by its own name, or built on one, is the quoted part alone
    ("全力推进“科创中国”行动。", ("PROGRAM", "科创中国")),
    ("实施“互联网+养老服务”行动。", ("PROGRAM", "互联网+养老服务")),
    # a coinage the text also uses alone is still one name with its word where the word follows (where kg gave
    # the coinage alone, the dev annotators join the word in 12 of 16 places, keep the coinage alone in 2, both
    # in the earliest files), and the same program where it is quoted alone
    ("实施“溪流焕新”行动。溪流焕新惠及十个乡镇。", ("PROGRAM", "“溪流焕新”行动")),
    ("实施“溪流焕新”行动。“溪流焕新”惠及十个乡镇。", ("PROGRAM", "溪流焕新")),
])
def test_quoted_coinage_and_its_program_word(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a bloc of states as a region of trade: a place
    ("对东盟出口增长两成。", ("PLACE", "东盟")),
    ("拓展中亚、东盟等市场。", ("PLACE", "东盟")),
    ("对欧盟、日本进口保持稳定。", ("PLACE", "欧盟")),
    ("稳住东盟等周边市场。", ("PLACE", "东盟")),
    # a bloc that acts or is a party: an organization
    ("中方与欧盟举行高层对话。", ("ORG", "欧盟")),
])
def test_blocs_of_states_in_trade_are_places(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a road or railway by its two ends alone, in a clause about roads: one place
    ("新开工曲阜至泗水等项目，公路网更加完善。", ("PLACE", "曲阜至泗水")),
    ("提速邹城至滕州等续建项目，新增公路里程300公里。", ("PLACE", "邹城至滕州")),
    # lines listed before one written with its head share it: 汾吕 is a railway too
    ("今年建成汾吕、晋长高铁。", ("PLACE", "汾吕")),
    ("加快郑济和太焦铁路建设。", ("PLACE", "郑济")),
    ("争取汾吕、曲阜至泗水、晋长铁路开工。", ("PLACE", "汾吕")),
])
def test_routes_and_lines_sharing_a_head(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a flight's route or a section between two places names the two places
    ("新开郑州至迪拜客运航线。", ("PLACE", "郑州")),
    ("统筹推进太行山至吕梁山段生态修复。", ("PLACE", "太行山")),
    # a numbered road's line before the route's first end is no part of it
    ("推进G331线东宁至绥芬河等公路项目。", ("PLACE", "G331线")),
])
def test_two_places_that_are_no_route(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_list_of_enterprises_with_two_known_companies(nlp):
    # two companies known by name among brands that are also common words: the list says what they are
    found = ents(nlp, "吸引浪潮、飞腾、海光、麒麟、曙光、联想等头部企业落户。")
    assert {("ORG", "曙光"), ("ORG", "飞腾")} <= set(found)
    assert not any(label == "ORG" for label, _t in ents(nlp, "加快工业、商业、运输等企业复工。"))


@pytest.mark.parametrize("text,expected", [
    # a macro-region in a ranking, or before another region and 地区
    ("研发投入强度中部领先。", ("PLACE", "中部")),
    ("试点将推广到中部和东部地区。", ("PLACE", "中部")),
    # the year of a recurring event named by its scope is a date of its own
    ("成功举办2024年中国网络文明大会。", ("EVENT", "中国网络文明大会")),
    ("办好2027全球工业互联网大会。", ("DATE", "2027")),
    # a province's technology market is a body
    ("河南科技大市场挂牌运营。", ("ORG", "河南科技大市场")),
    # nationwide campaigns and a province's service app
    ("深化长江大保护，做好东西部协作工作。", ("PROGRAM", "东西部协作")),
    ("继续推进退牧还草和退耕还林。", ("PROGRAM", "退牧还草")),
    ("粤省事新增一批高频服务。", ("PROGRAM", "粤省事")),
])
def test_rules_of_the_seventh_session(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_slogan_s_region_and_a_body_s_own_year_stay(nlp):
    assert not any(label == "PLACE" for label, _t in ents(nlp, "提出“西部领先”的目标。"))
    assert ("EVENT", "2023年全市学会工作会议") in ents(nlp, "召开2023年全市学会工作会议。")


@pytest.mark.parametrize("text,expected", [
    # abbreviations the dictionary knows (tagged j) in a list of enterprises are firms
    ("推动吉能、交投等企业完成改制。", ("ORG", "交投")),
    # a part without a name of its own is the facility's: the airport is the place
    ("德州机场航站楼启用。", ("PLACE", "德州机场")),
    # programs coined from numbers
    ("启动制造业“双百工程”。", ("PROGRAM", "双百工程")),
    ("实施青年人才“万人计划”。", ("PROGRAM", "万人计划")),
])
def test_firms_parts_and_number_coinages(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text", [
    "推进“十大工程”建设。",   # a numbered set of programs
    "加快“六小工程”建设。",
    "该剧获得“五个一工程”奖。",          # an award
])
def test_numbered_sets_stay_slogans(nlp, text):
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, text))


@pytest.mark.parametrize("text", [
    "新建省级中心村50个。",   # kinds of village, counted
    "支持医保定点社区开展服务。",
    "顺应城市更新的新要求。",         # 应城市 read across 顺应 and 城市
    "加快沿海城市更新。",                           # 海城市 across 沿海 and 城市
])
def test_kinds_of_village_and_names_read_across_words(nlp, text):
    assert not any(label == "PLACE" for label, _t in ents(nlp, text))


def test_a_body_s_short_form_across_words_is_none(nlp):
    assert ("ORG", "中能建") in ents(nlp, "中能建承建的储能电站并网。")
    assert not any(label == "ORG" for label, _t in ents(nlp, "集中能建成的项目投产。"))
    assert ("PLACE", "延庆区八达岭镇石峡村") in ents(nlp, "延庆区八达岭镇石峡村开展演练。")


@pytest.mark.parametrize("text,expected", [
    # a name the segmenter cuts as a word of its own stays, whatever the characters around it make
    ("在新形势下九三学社积极建言。", ("ORG", "九三学社")),
    ("感谢广大港澳同胞的支持。", ("PLACE", "港澳")),
])
def test_names_cut_as_words_stay(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_place_after_a_numeral_is_no_number_coinage(nlp):
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, "以“稀土开发”“三峡工程”为代表的项目。"))


@pytest.mark.parametrize("text,expected", [
    # runs of a province's cities by their first characters: quoted, or before a word of grouping
    ("湖北省政府工作报告。推动“宜荆荆恩”城市群协同。", ("PLACE", "宜荆荆恩")),
    ("湖北省政府工作报告。深化汉襄宜协同。", ("PLACE", "汉襄宜")),  # 汉 for 武汉
    ("安徽省政府工作报告。推进芜马同城化发展。", ("PLACE", "芜马")),
])
def test_runs_of_cities(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("优化提升南站科技商务区功能。", ("PLACE", "南站科技商务区")),   # a business district by its name
    ("中新天津生态城获评示范。", ("PLACE", "中新天津生态城")),       # an eco-city of two states
    ("湖南发展站在了新起点上。", ("PLACE", "湖南")),            # 发展站 read across 站在
    # (a lab named by its city; one named by its province is the province's system of labs: thirteenth session)
    ("支持广州实验室开展攻关。", ("ORG", "广州实验室")),
])
def test_districts_and_a_verb_after_a_place(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a disaster named by its date in quote marks, with the place before it
    ("成功应对汾河“10·5”流域性特大洪水。", ("EVENT", "汾河“10·5”流域性特大洪水")),
    ("吕梁“6·13”重大火灾事故整改完成。", ("EVENT", "吕梁“6·13”重大火灾事故")),
    # the year of a summit of an international organization is a date of its own
    ("承办2027年上海合作组织峰会。", ("EVENT", "上海合作组织峰会")),
])
def test_dated_disasters_and_summits(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # places quoted as a group joined by dashes are places; 港 ending 香港 heads no port
    ("“兰州—西安—迪拜”货运航线开通。", ("PLACE", "西安")),
    ("“广州—深圳—香港”科技走廊加快成形。", ("PLACE", "香港")),
])
def test_quoted_groups_of_places(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_quoted_brand_keeps_no_place_inside(nlp):
    assert not any(label == "PLACE" for label, _t in ents(nlp, "“滇藏”APP用户突破百万。"))


def test_a_range_of_days_is_one_date(nlp):
    assert ("DATE", "11月6日至10日") in ents(nlp, "11月6日至10日，考察团走访三市。")
    assert ("DATE", "3月28日—4月2日") in ents(nlp, "会议于3月28日—4月2日举行。")


@pytest.mark.parametrize("text,expected", [
    # a noun of local places after 等 says what the items of the list before it are
    ("建设河东、柳园、西站等特色宜居片区。", ("PLACE", "柳园")),
    ("做好石峁、陶寺等遗迹考古。", ("PLACE", "石峁")),
    ("提升淮海中路、南京西路等商圈能级。", ("PLACE", "淮海中路")),
])
def test_items_of_a_list_of_local_places(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_list_of_kinds_before_a_noun_of_places_names_none(nlp):
    assert not any(label == "PLACE" for label, _t in ents(nlp, "检查学校、医院、商场等重要点位。"))


def test_a_place_s_station_before_a_noun_stays(nlp):
    # only before a verb's particle (站在) is the last character the verb's; 中国教育台 is a broadcaster
    assert ("ORG", "中国教育台") in ents(nlp, "中国教育台开设了新的频道。")


@pytest.mark.parametrize("text,expected", [
    # a strategy opened by a place or a nationwide program is a program's name
    ("实施厦漳泉一体化提升战略。", ("PROGRAM", "厦漳泉一体化提升战略")),
    ("推动中部地区崛起战略落地。", ("PROGRAM", "中部地区崛起战略")),
    # freight trains by the regions they link
    ("去年开行中欧中亚班列300余列。", ("PROGRAM", "中欧中亚班列")),
    ("新开东盟货运班列两条。", ("PLACE", "东盟")),
])
def test_strategies_and_freight_trains(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text", [
    "深入实施乡村振兴战略和创新驱动发展战略。",    # descriptive strategies
    "市政府与省科协签订全面战略合作框架协议。",  # a clause, no name
    "深化与黄河沿线城市战略协同。",                # 战略 modifies 协同
])
def test_no_strategy_names(nlp, text):
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, text))


def test_an_action_with_verbs_inside_after_a_verb_of_running(nlp):
    # the action's own verbs (培育壮大) stopped its name; 实施 a few words before still opens it
    assert ("PROGRAM", "海洋产业培育壮大工程") in ents(nlp, "深入实施海洋产业培育壮大工程。")


@pytest.mark.parametrize("text,expected", [
    # a counted set of measures is titled by its own verb, whatever verb carries it
    ("实施优化营商环境30条升级举措。", ("WORK", "优化营商环境30条升级举措")),
    ("推动优化居民用水价格8条举措落地。", ("WORK", "优化居民用水价格8条举措")),
    # a regulation's title keeps the verb before it out
    ("推进城市更新条例实施。", ("WORK", "城市更新条例")),
])
def test_counted_measures(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_institutes_by_their_short_names(nlp):
    found = ents(nlp, "支持北化院、石科院等扩大研发。")
    assert {("ORG", "北化院"), ("ORG", "石科院")} <= set(found)


def test_county_short_names_the_dictionary_abbreviates(nlp):
    # jieba tags 大冶 j (an abbreviation, of 大冶市): in a report of 湖北 it is the county
    assert ("PLACE", "大冶") in ents(nlp, "湖北省工作报告\n支持宜都、大冶两市做强特色产业。")


def test_region_names_the_dictionary_lacks_are_words(nlp):
    # 陇原 and 赣鄱 are no words of jieba's: its unknown-word model read 陇|原大|地 and found the short 陇
    assert ("PLACE", "陇原") in ents(nlp, "甘肃省工作报告\n让创业者在陇原大地上扎根。")
    assert ("PLACE", "赣鄱") in ents(nlp, "江西省工作报告\n欢迎客商到赣鄱大地兴业。")


@pytest.mark.parametrize("text,expected", [
    # a quoted name, a word of kind, then a brand, activity or platform word: the quoted part is the program
    ("持续打响“花开塞上·畅游宁川”文旅品牌。", ("PROGRAM", "花开塞上·畅游宁川")),
    ("举办“乐购秦岭”“欢享汉江”等消费活动。", ("PROGRAM", "欢享汉江")),
    ("举办“乐购秦岭”“欢享汉江”等消费活动。", ("PROGRAM", "乐购秦岭")),
    ("“岭上食安”智能监管平台覆盖全县。", ("PROGRAM", "岭上食安")),
])
def test_quoted_names_before_a_kind_and_a_cue(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text", [
    "坚决打击“台独”分裂活动。",            # a separatist cause, no program
    "揭露其拼凑“东方联盟”的活动。",        # 的 between: the activities of a scheme
    "推广“揽客+引流+结算”运营平台。",      # a sum of ways of working
])
def test_quoted_parts_before_a_kind_that_are_no_programs(nlp, text):
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, text))


def test_national_corridor_and_housing_programs(nlp):
    assert ("PROGRAM", "西部陆海新通道") in ents(nlp, "本省货物经西部陆海新通道出海。")
    # a short name counts in quote marks only
    assert ("PROGRAM", "好房子") in ents(nlp, "新建一批“好房子”示范小区。")
    assert ("PROGRAM", "好房子") not in ents(nlp, "让群众住进好房子。")


def test_the_carbon_drive_quoted_is_a_program_but_not_its_goal(nlp):
    assert ("PROGRAM", "双碳") in ents(nlp, "全县坚持“双碳”引领，发展风电。")
    assert ("PROGRAM", "双碳") not in ents(nlp, "为实现“双碳”目标作出贡献。")


@pytest.mark.parametrize("text,expected", [
    # the first edition is an ordinal like 第一届: it opens and qualifies the event's name
    ("全县首届农民趣味运动会圆满落幕。", ("EVENT", "首届农民趣味运动会")),
    ("某集团首届青年编程者大会在本市召开。", ("EVENT", "首届青年编程者大会")),
])
def test_first_editions(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_first_edition_of_nothing_named(nlp):
    assert not any(label == "EVENT" for label, _t in ents(nlp, "他出席了首届大会。"))


@pytest.mark.parametrize("text", [
    "全市发明专利授权量、中国外观设计奖获奖数均居前列。",   # a national award, named on its own
    "本县茶叶荣获中国茶叶区域品牌价值百强榜。",             # a ranking list won
])
def test_awards_and_rankings_hide_their_places(nlp, text):
    assert not any(label == "PLACE" for label, _t in ents(nlp, text))


def test_mines_listed_before_their_kind(nlp):
    found = ents(nlp, "加快刘家湾、马莲井等煤矿建设。")
    assert {("PLACE", "刘家湾"), ("PLACE", "马莲井")} <= set(found)


def test_a_list_of_places_then_a_possessive_is_no_list_of_mines(nlp):
    # 等地的煤矿区: the items are regions with mines in them, each place its own mention
    found = ents(nlp, "在陕西、河南大峪沟等地的煤矿区推广新工艺。")
    assert ("PLACE", "河南大峪沟") not in found
    # (a province and a city in it, both by short names, are one place: 河南平顶山, test_nested_short_names)


def test_a_verb_before_a_quoted_coinage_is_no_part_of_its_name(nlp):
    found = ents(nlp, "深化拓展“千名博士进山乡”行动。")
    assert ("PROGRAM", "拓展“千名博士进山乡”行动") not in found


@pytest.mark.parametrize("text", [
    "实施节水改造等8大绿色升级工程。",            # a numbered set opening the name, in digits
    "推进十大民生保障工程。",                      # and in characters
    "坚持“稳、准、实、新”工作思路。",              # a principle: 工作 modifies 思路
    "在推进会等30多个全国会议上作发言。",          # a kind of meeting, counted
])
def test_numbered_sets_principles_and_counted_kinds(nlp, text):
    assert not any(label in ("PROGRAM", "EVENT") for label, _t in ents(nlp, text))


@pytest.mark.parametrize("text", [
    "全县举行活动缅怀中国人民抗日英烈。",        # 日 of 抗日 is Japan
    "把港区建成国际物流重要节点。",              # 节 opens 节点
])
def test_no_observance_day_inside_other_words(nlp, text):
    assert not any(label == "EVENT" for label, _t in ents(nlp, text))


def test_a_verb_before_a_national_body_is_no_part_of_a_place_s_body(nlp):
    found = ents(nlp, "支持宣城市建设国家宣纸研究院。")
    assert ("ORG", "国家宣纸研究院") in found
    assert not any(label == "ORG" and text.startswith("宣城市") for label, text in found)


def test_heilongjiang_by_long_in_pairings(nlp):
    found = ents(nlp, "推进龙粤、龙浙产业合作。")
    assert {("PLACE", "龙"), ("PLACE", "粤")} <= set(found)
    assert not any(label == "PERSON" for label, _t in found)


def test_a_place_verb_and_a_short_inside_an_idiom(nlp):
    # 来龙去脉: the verb of place and the short open an idiom of the dictionary
    assert not any(label == "PLACE" for label, _t in ents(nlp, "把问题的来龙去脉讲清楚。"))


def test_the_verb_of_issuing_is_no_word_of_a_title(nlp):
    found = ents(nlp, "推动修订物业服务管理条例。")
    assert ("WORK", "物业服务管理条例") in found
    assert ("WORK", "修订物业服务管理条例") not in found


def test_an_unquoted_group_of_cities_before_its_region_word(nlp):
    # in a report of 甘肃, 兰白定 groups 兰州, 白银 and 定西: unquoted before 城市群, the region is the place
    text = "甘肃省政府工作报告\n推动兰州、白银、定西协作，壮大兰白定城市群。"
    assert ("PLACE", "兰白定城市群") in ents(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # the entrepreneurship drive by its full and its quoted short name
    ("大众创业、万众创新蔚然成风。", ("PROGRAM", "大众创业、万众创新")),
    ("高新区获批第三批“双创”示范基地。", ("PROGRAM", "双创")),
    # random inspection and public results: a rule of supervision by name, no slogan
    ("市场监管部门推行“双随机、一公开”抽查。", ("PROGRAM", "双随机、一公开")),
    ("交通运输业率先开展营业税改征增值税改革。", ("PROGRAM", "营业税改征增值税")),
])
def test_national_programs_of_the_ninth_session(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_count_of_editions_is_no_part_of_an_event(nlp):
    # 举办6届: six editions held, no ordinal; 第6届 is one
    found = ents(nlp, "该市已连续举办6届国际茶叶博览会。")
    assert ("EVENT", "国际茶叶博览会") in found
    assert ("EVENT", "第6届国际茶叶博览会") in ents(nlp, "第6届国际茶叶博览会在该市开幕。")


def test_nested_short_names_are_one_place(nlp):
    # a county or city by its short name right after its province's or city's short name: one place
    found = ents(nlp, "国务院工作报告\n支持四川雅江、甘肃玛曲做好灾后重建。")
    assert {("PLACE", "四川雅江"), ("PLACE", "甘肃玛曲")} <= set(found)
    found = ents(nlp, "湖南省政府工作报告\n支持株洲醴陵建设陶瓷产业园。")
    assert ("PLACE", "株洲醴陵") in found
    # written in full, the two divisions stay two places
    found = ents(nlp, "内蒙古自治区\n包头市达尔罕茂明安联合旗获评先进。")
    assert {("PLACE", "包头市"), ("PLACE", "达尔罕茂明安联合旗")} <= set(found)
    # a word of the language after a province is no county of the same letters (振兴区 of 丹东)
    assert ("PLACE", "辽宁振兴") not in ents(nlp, "辽宁省政府工作报告\n辽宁振兴取得新突破。")


def test_a_river_s_trunk_waterway_is_one_place(nlp):
    assert ("PLACE", "珠江黄金水道") in ents(nlp, "疏浚珠江黄金水道，提升通航能力。")
    # with no river named, the waterway is a kind
    assert not any(label == "PLACE" for label, _t in ents(nlp, "沿线城市依托黄金水道发展航运。"))


def test_a_title_coordinating_its_subjects_is_one_work(nlp):
    # introduced by a verb of issuing or carrying out, 甲和乙 + head is one title
    assert ("WORK", "城市供水和排水设施改造实施方案") in ents(nlp, "市政府印发城市供水和排水设施改造实施方案。")
    assert ("WORK", "乡村教育和医疗卫生振兴行动方案") in ents(nlp, "各地贯彻落实乡村教育和医疗卫生振兴行动方案。")
    # the first with a head of its own: two titles
    found = ents(nlp, "制定湿地保护总体方案和候鸟栖息地规划。")
    assert ("WORK", "湿地保护总体方案和候鸟栖息地规划") not in found


@pytest.mark.parametrize("text,expected", [
    ("运动员在冬残奥会上夺得两枚金牌。", ("EVENT", "冬残奥会")),
    ("本市企业携新机型亮相中国航展。", ("EVENT", "中国航展")),
    ("全省上下服务保障“十五冬”赛事。", ("EVENT", "十五冬")),
    ("我市“万家民营企业评营商环境”排名上升。", ("EVENT", "万家民营企业评营商环境")),
])
def test_national_events_of_the_ninth_session(nlp, text, expected):
    assert expected in ents(nlp, text)


def test_a_fund_at_a_level_is_named_by_what_it_invests_in(nlp):
    # a long modifier with a verb of investing, and a word that elsewhere makes a category
    assert ("ORG", "市数字经济创业投资引导基金") in ents(nlp, "市数字经济创业投资引导基金完成首期募集。")
    assert ("ORG", "省现代农业产业引导基金") in ents(nlp, "发挥省现代农业产业引导基金作用。")
    # a kind of fund with no level or place is none
    assert not any(label == "ORG" for label, _t in ents(nlp, "鼓励社会资本设立并购基金。"))


def test_the_report_s_province_paired_with_a_partner_abroad(nlp):
    found = ents(nlp, "江西省政府工作报告\n拓展赣欧、赣非等经贸往来。")
    assert {("PLACE", "欧"), ("PLACE", "非")} <= set(found)
    found = ents(nlp, "福建省政府工作报告\n扩大闽港澳合作领域，深化闽澳交流。")
    assert {("PLACE", "港澳"), ("PLACE", "澳")} <= set(found)


@pytest.mark.parametrize("text", [
    "全力打造新时代“世外桃源”。",     # an idiom quoted after a verb of running: a figure of speech
    "加快建设内陆物流“母港”。",       # a common noun quoted
])
def test_a_quoted_common_word_after_a_verb_of_running_is_a_figure(nlp, text):
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, text)), text


def test_the_halves_of_the_campaign_against_vice_quoted(nlp):
    found = ents(nlp, "坚决打好“扫黄”、“打非”这场硬仗。")
    assert {("PROGRAM", "扫黄"), ("PROGRAM", "打非")} <= set(found)


@pytest.mark.parametrize("text,expected", [
    # a body, a place, then a branch's subject and head: one organization
    ("中国科学院苏州纳米技术与纳米仿生研究所承担该项目。", "中国科学院苏州纳米技术与纳米仿生研究所"),
    ("中科院兰州化物所牵头攻关。", "中科院兰州化物所"),
    ("中国农业科学院深圳农业基因组研究所发布成果。", "中国农业科学院深圳农业基因组研究所"),
])
def test_a_branch_after_its_body_and_place(nlp, text, expected):
    assert ("ORG", expected) in ents(nlp, text)


def test_sponge_cities_and_convenience_circles(nlp):
    assert ("PROGRAM", "海绵城市") in ents(nlp, "老城区加快推进海绵城市建设。")
    assert ("PROGRAM", "一刻钟便民生活圈") in ents(nlp, "各街道打造一刻钟便民生活圈。")
    # counted, the circles are the kind the program builds
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, "全年建成一刻钟便民生活圈45个。"))


def test_programs_of_regions_and_regional_strategies(nlp):
    # a program for a metropolitan region is no works on a facility
    assert ("PROGRAM", "郑州都市圈一体化发展工程") in ents(nlp, "深入实施郑州都市圈一体化发展工程。")
    # the regional strategies in the wording of the 15th plan
    found = ents(nlp, "东部地区加快推进现代化与中部地区加快崛起齐头并进。")
    assert {("PROGRAM", "中部地区加快崛起"), ("PROGRAM", "东部地区加快推进现代化")} <= set(found)
    assert ("PROGRAM", "绿美广东") in ents(nlp, "广东省政府工作报告\n各市共同推动绿美广东建设。")


def test_a_law_s_name_that_opens_another_word_and_solutions_sold(nlp):
    # 安全生产法制建设: 法制 (the legal system), no law named
    assert not any(label == "WORK" for label, _t in ents(nlp, "各地加强安全生产法制建设。"))
    # the law stipulates: the name stands
    assert ("WORK", "安全生产法") in ents(nlp, "安全生产法规定生产经营单位必须履行职责。")
    # a firm's solution sold is no document
    assert not any(label == "WORK" for label, _t in ents(nlp, "培育一批智慧物流整体解决方案服务商。"))


def test_bodies_of_a_kind_counted_are_none(nlp):
    for text in ("全省新建5所星火职业学院。", "新建一批国家工程中心和重点实验室。"):
        assert not any(label == "ORG" for label, _t in ents(nlp, text)), text
    # a known bloc counted is a modifier of what is counted
    assert ("PLACE", "东盟") in ents(nlp, "与8个东盟国家开展合作。")


def test_colleges_of_a_designated_kind(nlp):
    # kinds of college the ministry designates: none
    assert not any(label == "ORG" for label, _t in ents(nlp, "高校联合企业共建卓越工程师学院和未来技术学院。"))
    # a university's own college of that kind is one body
    assert ("ORG", "四川大学国家卓越工程师学院") in ents(nlp, "支持四川大学国家卓越工程师学院建设。")


def test_facilities_of_a_kind_counted_before_are_none(nlp):
    assert not any(label == "PLACE" for label, _t in ents(nlp, "今年抓好8条续建高速公路建设。"))


@pytest.mark.parametrize("text", [
    "保障性安居工程开工率进一步提高。",  # affordable housing: a kind of works
    "对外承包工程新签合同额增长。",     # overseas contracting: a line of business
])
def test_kinds_of_works_are_no_program(nlp, text):
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, text)), text


def test_a_relative_time_opens_no_name_and_a_modal_makes_a_clause(nlp):
    found = ents(nlp, "去年十四届全国人大三次会议审议了该法草案。")
    assert ("EVENT", "十四届全国人大三次会议") in found
    assert not any(text.startswith("今年") for _l, text in ents(nlp, "今年农村危房改造工程进展顺利。"))
    # a modal verb inside: the words are a clause, no meeting named
    assert not any(label == "EVENT" for label, _t in ents(nlp, "今年各厅局要带头压减会议。"))


def test_a_month_after_a_relative_year_and_a_month_alone_are_dates(nlp):
    assert ("DATE", "6月18日") in ents(nlp, "去年6月18日，该县遭遇洪水。")
    assert ("DATE", "11月份") in ents(nlp, "物价指数从11月份起回升。")
    # a count of months and the ends of a range of months are none
    assert not any(label == "DATE" for label, _t in ents(nlp, "工期缩短4个月，1—10月产值增长。"))


def test_a_title_padded_with_line_breaks_inside_its_marks(nlp):
    assert ("WORK", "关于加强河湖管护工作的通知") in ents(nlp, "印发了《\n关于加强河湖管护工作的通知\n》。")


def test_a_day_s_rate_is_no_observance_day(nlp):
    assert not any(label == "EVENT" for label, _t in ents(nlp, "全国新增农村供水日供水能力200万吨。"))


def test_a_law_of_two_characters_needs_no_quote_marks(nlp):
    assert ("WORK", "宪法") in ents(nlp, "各级机关必须遵守宪法和法律。")


def test_the_bodies_under_a_ministry_are_a_kind(nlp):
    found = ents(nlp, "国家在教育部直属大学推行改革。")
    assert ("ORG", "教育部") in found and not any(t.startswith("教育部直属") for _l, t in found)


def test_primary_and_middle_schools_are_a_kind(nlp):
    assert not any(label == "ORG" for label, _t in ents(nlp, "解决南方农村中小学取暖问题。"))


def test_the_kind_closing_a_list_is_no_name(nlp):
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, "粮食、棉花、油料等产业提质增效行动成效明显。"))


def test_towns_are_no_township(nlp):
    assert not any(label == "PLACE" for label, _t in ents(nlp, "低保标准占城镇标准的一半。"))


def test_facilities_counted_by_a_batch_are_none(nlp):
    assert not any(label == "PLACE" for label, _t in ents(nlp, "今年又有一批跨江跨海大桥通车。"))


def test_a_listed_program_coordinated_with_a_works(nlp):
    found = ents(nlp, "继续实施退耕还林和京津风沙源治理工程。")
    assert ("PROGRAM", "退耕还林") in found and ("PROGRAM", "京津风沙源治理工程") in found
    assert ("PROGRAM", "退耕还林还草") in ents(nlp, "各地巩固退耕还林还草成果。")


def test_an_earthquake_named_by_lac_s_place(nlp):
    assert ("EVENT", "汶川特大地震") in ents(nlp, "人们至今记得汶川特大地震。")
    assert ("EVENT", "芦山地震") in ents(nlp, "芦山地震灾区重建完成。")
    # a volume counted inside is no name of a landslide
    assert not any(label == "EVENT" for label, _t in ents(nlp, "该村2.5亿立方米山体滑坡得到监测。"))


def test_a_county_s_short_name_in_a_list_of_places(nlp):
    found = ents(nlp, "援建汶川、玉树、舟曲等地的学校。")
    assert ("PLACE", "舟曲") in found


@pytest.mark.parametrize("text,expected", [
    ("推动“资本入黔”，提高“赣品出海”比重。", [("PROGRAM", "资本入黔"), ("PROGRAM", "赣品出海")]),
    ("提升“好物吉林”影响力，拓展“安徽好货”销路。", [("PROGRAM", "好物吉林"), ("PROGRAM", "安徽好货")]),
])
def test_a_quoted_coinage_on_a_province_s_name_is_its_program(nlp, text, expected):
    found = ents(nlp, text)
    assert all(e in found for e in expected), found


@pytest.mark.parametrize("text", [
    "抢修道路，跑出“河南速度”。",        # a noun of praise: a figure
    "首艘“山东舰”交付海军。",            # a ship
    "“广州—深圳—香港”走廊加快建设。",     # places joined by dashes: a group, each a place
    "推动“陇电入沪”特高压通道建设。",     # a power line: a facility
])
def test_quoted_phrases_on_a_place_that_are_no_program(nlp, text):
    assert not any(label == "PROGRAM" for label, _t in ents(nlp, text)), text


def test_an_irrigation_district_named_by_its_source(nlp):
    assert ("PLACE", "沐源灌区") in ents(nlp, "推进沐源灌区改造。")


def test_a_line_s_section_by_its_direction(nlp):
    assert ("PLACE", "沪宁城际西段") in ents(nlp, "加快沪宁城际西段改造。")


def test_a_quoted_part_of_a_listed_name_is_not_spread(nlp):
    found = ents(nlp, "坚持实施“走出去”战略，各类企业“走出去”步伐稳健，高水平走出去成效明显。")
    assert [t for label, t in found if label == "PROGRAM"] == ["“走出去”战略"]


def test_events_listed_before_a_word_of_activities(nlp):
    found = ents(nlp, "各地办好乡村文化节、社区邻里文化节等群众文化活动。")
    assert ("EVENT", "乡村文化节") in found and ("EVENT", "社区邻里文化节") in found
    # a meeting named by its kind stays none
    assert not any(label == "EVENT" for label, _t in ents(nlp, "举办劳模先进事迹报告会等活动。"))


def test_an_opinion_issued_is_a_title(nlp):
    assert ("WORK", "推进山区县高质量发展的意见") in ents(nlp, "省政府出台推进山区县高质量发展的意见。")
    # views asked for or fed back are none
    assert not any(label == "WORK" for label, _t in ents(nlp, "认真整改省委巡视反馈意见，广泛征求意见。"))


def test_the_national_transfer_works_and_the_power_programme(nlp):
    found = ents(nlp, "建成西气东输二线，推进西电东送，南水北调东线向北延伸。")
    assert ("PLACE", "西气东输二线") in found and ("PROGRAM", "西电东送") in found and ("PLACE", "南水北调东线") in found


def test_a_lab_named_by_its_field_needs_no_place(nlp):
    assert ("ORG", "深海探测实验室") in ents(nlp, "高标准建设深海探测实验室，推进科研攻关。")
    # a category word opening it makes a kind
    assert not any(label == "ORG" for label, _t in ents(nlp, "加快建设多层次实验室。"))


def test_shenzhen_s_qianhai_is_a_place(nlp):
    assert ("PLACE", "前海") in ents(nlp, "支持前海扩区发展现代金融。")


@pytest.mark.parametrize("text,expected", [
    # power lines between provinces without their works
    ("加快推进疆电入赣、闽粤直流等输电工程。", {("PLACE", "疆电入赣"), ("PLACE", "闽粤直流")}),
    # crossings named by the abbreviations of their ends
    ("力争珠中通道年内开工。", {("PLACE", "珠中通道")}),
    ("打通黔桂新通道。", {("PLACE", "黔桂新通道")}),
    # a province's vision of itself is a campaign; the new China is the country
    ("为谱写现代化新贵州篇章不懈奋斗。", {("PROGRAM", "新贵州")}),
    ("美丽新广西建设成效明显。", {("PROGRAM", "美丽新广西")}),
    ("深化文明云南创建。", {("PROGRAM", "文明云南")}),
    ("新中国成立初期百废待兴。", {("PLACE", "新中国")}),
    ("弘扬塞罕坝林场艰苦创业精神。", {("ORG", "塞罕坝林场")}),
    ("深化内地与香港在金融领域的合作。", {("PLACE", "内地")}),
    # the quoted five-year plans are documents
    ("回顾“七五”计划的执行情况，部署“八五”计划。", {("WORK", "“七五”计划"), ("WORK", "“八五”计划")}),
    ("认真落实内地与香港、澳门更紧密经贸关系安排的各项措施。", {("WORK", "内地与香港、澳门更紧密经贸关系安排")}),
    # games and expos named by their year; a yearly meeting's year stays a date of its own
    ("全力办好2022年冬奥会，广州赢得2010年亚运会举办权。", {("EVENT", "2022年冬奥会"), ("EVENT", "2010年亚运会")}),
    ("举办2024年世界智能大会。", {("DATE", "2024年")}),
    ("坚持以党的十四大、十五大确定的路线为指导。", {("EVENT", "党的十四大"), ("EVENT", "十五大")}),
    ("感谢武装警察部队官兵的奉献。", {("ORG", "武装警察部队")}),
    # a dam's works keep their word
    ("嫩江尼尔基水利枢纽工程下闸蓄水。", {("PLACE", "嫩江尼尔基水利枢纽工程")}),
    ("三峡工程发挥了巨大的防洪效益。", {("PLACE", "三峡工程")}),
    # a verb the dictionary reads as a noun opens a phrase: the province's committee after 锚定, in its report
    ("山西省政府工作报告\n全省上下锚定省委部署的目标任务，真抓实干。", {("ORG", "省委")}),
    # a decade opens no title
    ("编制新十年城市防洪规划纲要。", {("WORK", "城市防洪规划纲要")}),
    # a century by its number is a date; the maritime silk road keeps its century
    ("我们要以崭新的面貌跨入二十一世纪。", {("DATE", "二十一世纪")}),
    ("这项改革始于20世纪80年代。", {("DATE", "20世纪80年代")}),
    ("积极参与21世纪海上丝绸之路沿线合作。", {("PROGRAM", "21世纪海上丝绸之路")}),
    ("推进广佛特别合作区建设。", {("PLACE", "广佛特别合作区")}),
    ("石洞口电厂完成超低排放改造。", {("PLACE", "石洞口电厂")}),
    # the housing-delivery campaigns need no quote marks
    ("各地合力攻坚保交房，保交楼项目陆续交付。", {("PROGRAM", "保交房"), ("PROGRAM", "保交楼")}),
    ("全面实施稳就业行动。", {("PROGRAM", "稳就业行动")}),
    ("三家企业登陆创业板，一家在科创板上市；鲁班工坊新增两所。",
     {("PROGRAM", "创业板"), ("PROGRAM", "科创板"), ("PROGRAM", "鲁班工坊")}),
    ("推广交通“一卡通”互联互通。", {("PROGRAM", "一卡通")}),
    ("巩固习近平新时代中国特色社会主义思想主题教育和党史学习教育成果。",
     {("PROGRAM", "习近平新时代中国特色社会主义思想主题教育")}),
    ("依照基本法办事，两岸经济合作框架协议的早期收获清单全面实施。",
     {("WORK", "基本法"), ("WORK", "两岸经济合作框架协议")}),
    ("积极推进中国—东盟自由贸易区升级谈判。", {("PLACE", "中国—东盟自由贸易区")}),
    ("长鑫存储、宇通客车和华友钴业扩大投资。", {("ORG", "长鑫存储"), ("ORG", "宇通客车"), ("ORG", "华友钴业")}),
    # named facilities of the gazetteer; a named line takes its section
    ("天府国际机场二期开工，游客漫步津湾广场和五大道公园。",
     {("PLACE", "天府国际机场"), ("PLACE", "津湾广场"), ("PLACE", "五大道公园")}),
    ("完成沿江高铁渝宜段改造。", {("PLACE", "沿江高铁渝宜段")}),
])
def test_rules_of_the_eleventh_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,label", [
    ("完善能源外送通道和出海通道。", "PLACE"),  # kinds of corridor
    ("保障海洋通道安全。", "PLACE"),  # a pair of common characters
    ("深化国有林场改革，扶持家庭农场。", "ORG"),  # kinds of farm
    ("认真落实内地与香港、澳门更紧密经贸关系安排的各项措施。", "PLACE"),  # CEPA is no three places
    ("三年中共完成造林任务五千万亩。", "ORG"),  # 中共 before a verb is no party
    ("我国选手在重大国际比赛中屡获佳绩。", "EVENT"),  # a kind of games by scope and weight
    ("全国各直辖市政府要抓好落实。", "ORG"),  # a verb inside a word (直辖 of 直辖市) opens no phrase
    ("修订城市、农村发展纲要。", "WORK"),  # an elided head gives none
    ("培育瞪羚企业7户。新晋“两院”院士3名。", "PLACE"),  # newly made is no pair of provinces
    ("推进南北特别合作区建设。", "PLACE"),  # a direction is no place's abbreviation
    ("推进燃煤电厂节能改造。", "PLACE"),  # a kind of power plant
    ("做好两新工作。", "PROGRAM"),  # other short programs still need quote marks
    ("加快实施自由贸易区提升战略。", "PLACE"),  # free trade areas as a kind
    ("加快青藏铁路规划建设。", "WORK"),  # planning and building is no title
])
def test_exclusions_of_the_eleventh_session(nlp, text, label):
    assert not any(found == label for found, _t in ents(nlp, text))


def test_what_is_no_power_line_corridor_or_mainland(nlp):
    # power bought from outside is no line; a place's great corridor is none; 内地 against 沿海 is the interior
    assert not any(t.startswith("外电") for _label, t in ents(nlp, "逐步提高外电入苏比重。"))
    assert not any(t.endswith("通道") for _l, t in ents(nlp, "加快构建进出川大通道。"))
    assert not any(t == "内地" for _label, t in ents(nlp, "引导加工贸易由沿海向内地梯度转移。"))


def test_years_listed_with_one_year_word(nlp):
    found = ents(nlp, "2016、2017、2018年粮食产量保持稳定。")
    assert [t for label, t in found if label == "DATE"] == ["2016", "2017", "2018年"]


def test_a_chairman_s_name_that_is_also_a_company_s_stays_a_person_s(nlp):
    assert ("ORG", "包钢") not in ents(nlp, "主席包钢在会上作报告。")


def test_a_railway_planned_and_built_stays_a_place(nlp):
    assert ("PLACE", "青藏铁路") in ents(nlp, "加快青藏铁路规划建设。")


@pytest.mark.parametrize("text,expected", [
    # groups of a province's cities by their first characters: 神 of 神农架, a forestry area under the province;
    # a run before 跨江; the other items of a list that holds a run
    ("湖北省政府工作报告\n推动“襄十随神”城市群错位发展。", {("PLACE", "襄十随神")}),
    ("安徽省政府工作报告\n促进安池铜跨江联动。", {("PLACE", "安池铜")}),
    ("安徽省政府工作报告\n推进合六、合淮、合滁一体化发展。", {("PLACE", "合六"), ("PLACE", "合淮"), ("PLACE", "合滁")}),
    # a partner traded with after 对; a city's conventional short after a verb of place
    ("对非供应链服务不断完善，对欧投资稳步增长。", {("PLACE", "非"), ("PLACE", "欧")}),
    ("多国领事机构驻穗办公，联盟在汉成立。", {("PLACE", "穗"), ("PLACE", "汉")}),
    # universities, institutes and hospitals by their short names, and their units
    ("西工大和长春应化所组建联合团队。", {("ORG", "西工大"), ("ORG", "长春应化所")}),
    ("兰大二院与中物院签署协议。", {("ORG", "兰大二院"), ("ORG", "中物院")}),
    # a reservoir's area by the dam or the reservoir that makes it; the Asian crisis of 1997 is a named event
    ("做好三峡库区和丹江口库区移民后续帮扶。", {("PLACE", "三峡库区"), ("PLACE", "丹江口库区")}),
    ("我国经受住了亚洲金融危机的严峻考验。", {("EVENT", "亚洲金融危机")}),
    # a city's name the segmenter joined to the preposition before it
    ("湖南省政府工作报告\n加大对岳阳港口物流的支持。", {("PLACE", "岳阳")}),
    # a pilot-scale base or platform of the state, one body
    ("争取国家生物制造应用中试基地落户。", {("ORG", "国家生物制造应用中试基地")}),
    # the north-east as the State's plans name it; two countries' forms closing on 等; a branch of the longest body
    ("深化东北三省一区协同开放。", {("PLACE", "东北三省一区")}),
    ("巩固日韩等周边市场份额。", {("PLACE", "日"), ("PLACE", "韩")}),
    ("中国地科院西安基地开工。", {("ORG", "中国地科院西安基地")}),
    # museums named 博物院
    ("修缮文庙、河南博物院新馆。", {("ORG", "河南博物院")}),
    # funds by name: development, guiding, guarantee and mother funds
    ("组建海洋经济发展基金和省数字产业引导基金。", {("ORG", "海洋经济发展基金"), ("ORG", "省数字产业引导基金")}),
    # two countries as the parties of an exchange; a zone of China and a partner is one place
    ("深化中蒙边境旅游和中俄人文交流。", {("PLACE", "中"), ("PLACE", "蒙"), ("PLACE", "俄")}),
    ("中新天津生态城引进一批项目。", {("PLACE", "中新天津生态城")}),
    # a known title keeps its status; an adverb and a verb of issuing open no title
    ("认真执行全国统一大市场建设指引（试行）。", {("WORK", "全国统一大市场建设指引（试行）")}),
    ("抓紧修订科学技术普及条例。", {("WORK", "科学技术普及条例")}),
    # a company's plant or project in a place: the company and the place
    ("推进比亚迪合肥整车生产基地和宁德时代宜宾三期工程。",
     {("ORG", "比亚迪"), ("PLACE", "合肥"), ("ORG", "宁德时代"), ("PLACE", "宜宾")}),
    # a railway through several stops, one of them with a bracketed one
    ("铁路方面，加快推进邯郸至聊城至济南、沧州（黄骅）至衡水等项目前期工作。",
     {("PLACE", "邯郸至聊城至济南"), ("PLACE", "沧州（黄骅）至衡水")}),
    # zones the State designates for taking over industries; parts of provinces by a compound direction
    ("支持豫东承接产业转移示范区扩容。", {("PLACE", "豫东承接产业转移示范区")}),
    ("推动湘西北和陇东南协作。", {("PLACE", "湘西北"), ("PLACE", "陇东南")}),
    # a kind of facility at a named one: the named one
    ("开展钦州港智慧口岸试点。", {("PLACE", "钦州港")}),
])
def test_rules_of_the_twelfth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,label", [
    ("坚持对非法行为零容忍，加强对非遗的保护。", "PLACE"),  # words that open with 非
    ("依靠国内大市场，以上财政资金用于民生。", "ORG"),  # short names inside other words
    ("三医大数据中心上线运行。", "ORG"),  # 三医 (medicine, insurance, pharmacy) and 大数据
    ("妥善安置库区移民。", "PLACE"),  # a reservoir's area with no name
    ("有效应对国际金融危机冲击。", "EVENT"),  # the world crisis of 2008 is left unannotated
    ("建设20家以上中试平台和一批中试基地。", "ORG"),  # counted kinds
    ("设立市级并购母基金，用好政府引导基金。", "ORG"),  # funds at a level and generic funds are kinds
    ("设立农业振兴和产业投资母基金。", "ORG"),  # half of a name coordinated inside
    ("弘扬中国共产党人的优良作风。", "ORG"),  # the members, no party
    ("推出春养、夏游、秋品、冬藏四季线路。", "PERSON"),  # coinages listed, no persons
])
def test_exclusions_of_the_twelfth_session(nlp, text, label):
    assert not any(found == label for found, _t in ents(nlp, text))


def test_a_list_of_people_stays_a_list_of_people(nlp):
    found = ents(nlp, "会上，王建国、李晓明、赵红梅分别发言。")
    assert {("PERSON", "王建国"), ("PERSON", "李晓明"), ("PERSON", "赵红梅")} <= set(found)


def test_a_group_of_cities_is_found_again_before_the_word_province(nlp):
    # 省 opens the table's heading 省直辖行政区划, no city's name: 汉襄宜省内 still holds the group
    found = ents(nlp, "湖北省政府工作报告\n促进汉襄宜协同。增强汉襄宜省内辐射力。")
    assert found.count(("PLACE", "汉襄宜")) == 2


# thirteenth session: the rules in docs/recognition-log.md ("thirteenth session"), in sentences written for kg
@pytest.mark.parametrize("text,expected", [
    # a company the dictionary lacks opening a project of a list, after its city, with its line of business
    ("抓好潍坊晶澜碳化硅扩产、烟台恒宇新能源二期等项目。", {("ORG", "晶澜"), ("ORG", "恒宇新能源")}),
    # a bridge named by its place keeps what it crosses; a village by a name of three characters
    ("建成舟山跨海大桥，红旗新村开展活动。", {("PLACE", "舟山跨海大桥"), ("PLACE", "红旗新村")}),
    # sites listed before a head of heritage sites, with a level between; their names open with common words
    ("推动大地湾、锁阳城等省级考古遗址公园申报。", {("PLACE", "大地湾"), ("PLACE", "锁阳城")}),
    # the body that leads a project is no part of the project's name
    ("鼓励松山湖实验室牵头发起深海观测大科学工程。", {("ORG", "松山湖实验室"), ("PROGRAM", "深海观测大科学工程")}),
    # central enterprises by their bare short forms where they open the projects of a list
    ("推进中煤煤制烯烃、华电风电二期等重点项目。", {("ORG", "中煤"), ("ORG", "华电")}),
    ("推动大唐武城、华电三期等煤电项目。", {("ORG", "大唐"), ("PLACE", "武城")}),  # the plant's county after it
    ("实施中煤煤制油等示范项目。", {("ORG", "中煤")}),  # the only project before 等
    # every item of a list of enterprises a name, some opening with a word
    ("云账本、身边猫、橙子数科等平台经济企业快速成长。", {("ORG", "云账本"), ("ORG", "身边猫"), ("ORG", "橙子数科")}),
    # exchanges are bodies
    ("做强上海、深圳数据交易所功能。", {("PLACE", "上海"), ("ORG", "深圳数据交易所")}),
    # heritage sites of the State's lists; a national lab whose name opens with 之
    ("推动辽上京和热水墓群保护，支持之江实验室发展。",
     {("PLACE", "辽上京"), ("PLACE", "热水墓群"), ("ORG", "之江实验室")}),
])
def test_rules_of_the_thirteenth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,label", [
    ("加快惠州岭背、汕尾东岗等抽水蓄能项目。", "ORG"),  # sites after their cities, nothing built after them
    ("推进太宁高速、沪芜高铁和佛渡集装箱码头等项目。", "ORG"),  # a facility's head in the item
    ("开工德州宁津至临邑、探月工程等项目。", "ORG"),  # a program's head after the word
    ("实现村村通公路和县县通高速。", "PLACE"),  # every village, every county: goals, no roads by name
    ("计划新建改造农村公路两千公里。", "PLACE"),  # verbs open the phrase
    ("帮扶一批经济薄弱村。", "PLACE"),  # two common words before 村: a kind of village
    ("保护好名镇名村和古镇古村。", "PLACE"),  # kinds of township and village
    ("谋划跨江跨海通道。", "PLACE"),  # what a passage does, no name
    ("推进大唐不夜城、曲江池等文旅项目。", "ORG"),  # a short form opening a site's name
    ("抓好集中建设、宝中铁路等项目。", "ORG"),  # short forms inside words
    ("新建山西实验室3家，优化湖南实验室体系。", "ORG"),  # a province's system of labs
    ("引进无人机研发制造、航空维修测试、遥感数据应用等企业。", "ORG"),  # activities listed before 企业
    ("新建山西实验室3家，优化湖南实验室体系。", "PLACE"),  # … and no mention of the province
])
def test_exclusions_of_the_thirteenth_session(nlp, text, label):
    assert not any(found == label for found, _t in ents(nlp, text))


# fourteenth session: the rules in docs/recognition-log.md ("fourteenth session"), in sentences written for kg
@pytest.mark.parametrize("text,expected", [
    # runs of a province's cities before a corridor, a transport chain or a shared market; the other items of the list
    ("安徽省政府工作报告\n打造合宣、合池、合铜产业走廊。", {("PLACE", "合宣"), ("PLACE", "合池"), ("PLACE", "合铜")}),
    ("安徽省政府工作报告\n完善芜宣池铁水联运体系。", {("PLACE", "芜宣池")}),
    ("浙江省政府工作报告\n培育嘉湖绍要素市场。", {("PLACE", "嘉湖绍")}),
    # a run before an industry's cluster across the cities
    ("黑龙江省政府工作报告\n培育牡佳鸡国家级木材加工集群。", {("PLACE", "牡佳鸡")}),
    # cities by shorts that are not their first character: 宁 (南京), 潭 (湘潭)
    ("江苏省政府工作报告\n推动宁扬镇一体化。", {("PLACE", "宁扬镇")}),
    ("湖南省政府工作报告\n推进株潭一体化。", {("PLACE", "株潭")}),
    # a preposition the segmenter joins to the run's first character
    ("广东省政府工作报告\n以珠中一体化为抓手。", {("PLACE", "珠中")}),
    # a run the dictionary lists as a person's name
    ("安徽省政府工作报告\n携手打造苏浙皖毗邻地区一体化样板。", {("PLACE", "苏浙皖")}),
    # banks named by words of the dictionary stay banks
    ("招商银行、民生银行设立分行。", {("ORG", "招商银行"), ("ORG", "民生银行")}),
    # a campus of a hospital or a university named after it
    ("湖州市中心医院南浔院区年内开诊，浙江农林大学暨阳校区启用。",
     {("ORG", "湖州市中心医院南浔院区"), ("ORG", "浙江农林大学暨阳校区")}),
    # the greater city
    ("加快建设现代化大宁波。", {("PLACE", "大宁波")}),
    # heads of events: a season of arts, a showcase
    ("办好第五届黄河文化艺术季和首届低空经济场景汇。", {("EVENT", "第五届黄河文化艺术季"), ("EVENT", "首届低空经济场景汇")}),
    # the ring line of a metropolitan area
    ("年内建成郑州都市圈环线，开工南昌都市圈东环。", {("PLACE", "郑州都市圈环线"), ("PLACE", "南昌都市圈东环")}),
    # the same cities and river named as such stay places (a guard)
    ("安康、长治两市入选试点，长江上游生态改善。", {("PLACE", "安康"), ("PLACE", "长治"), ("PLACE", "长江")}),
    # a hospital's branch in a place (a guard: LAC reads this one whole too)
    ("推进北京大学口腔医院海口医院等医疗项目建设。", {("ORG", "北京大学口腔医院海口医院")}),
])
def test_rules_of_the_fourteenth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,label", [
    # kinds of firm by ownership, charter or size
    ("支持民营银行规范发展，推动国有独资商业银行改革，培育一批大公司大企业集团，规范金融控股公司。", "ORG"),
    # one country's form repeated is a saying, no run of countries; the one-China principle is a stance
    ("让各地各美其美、美美与共，始终恪守一个中国原则。", "PLACE"),
    ("推动各医院新院区、多院区建设。", "ORG"),  # kinds of campus
    # a city's name inside a wish, an idiom or a word of process
    ("愿各族群众生活幸福安康，边疆长治久安，继续推动宗教中国化实践。", "PLACE"),
])
def test_exclusions_of_the_fourteenth_session(nlp, text, label):
    assert not any(found == label for found, _t in ents(nlp, text))


def test_a_branch_after_a_body_stops_at_a_conjunction(nlp):
    # 或者 between the academy and 分院: two bodies, no branch of the first
    assert ("ORG", "中国林业科学院") in ents(nlp, "样品送中国林业科学院或者省分院检测。")


# fifteenth session: the rules in docs/recognition-log.md ("fifteenth session"), in sentences written for kg
@pytest.mark.parametrize("text,expected", [
    # a national designation after a body's name is what the body holds: the body alone is the mention
    ("年内建成浙江大学国家医学中心。", {("ORG", "浙江大学")}),
    ("推动北京协和医院国家医学中心扩容。", {("ORG", "北京协和医院")}),  # (a guard: found before too)
    # an international body by its Chinese name
    ("该保护区入选国际自然保护联盟绿色名录。", {("ORG", "国际自然保护联盟")}),
    # a verb of applying for a zone ends the zone's name: the place applying is the mention
    ("湖北省政府工作报告\n支持荆门申建保税物流中心，支持宜宾申建综合保税区。", {("PLACE", "荆门"), ("PLACE", "宜宾")}),
    # lines of a list by their ends' abbreviations, with the works done on them and 和 between two of them
    ("河南省政府工作报告\n郑洛扩容、洛卢和郑开扩建等高速公路完工。",
     {("PLACE", "郑洛"), ("PLACE", "洛卢"), ("PLACE", "郑开")}),
    # a city's name and the stem of a township inside it: one place, the township
    ("温州柳市电器产业升级，佛山西樵纺织业转型。", {("PLACE", "温州柳市"), ("PLACE", "佛山西樵")}),
    # venues of culture named by their place are places
    ("厦门文化中心和西湖文化广场年内开放。", {("PLACE", "厦门文化中心"), ("PLACE", "西湖文化广场")}),
    # a list led by companies known by name: the other items that read as names are companies too
    ("比亚迪、宁德时代、晶合光电、云途数智等加快扩产。", {("ORG", "晶合光电"), ("ORG", "云途数智")}),
    # a national zone shared by a group of cities named by their first characters
    ("辽宁省政府工作报告\n推动沈大国家自主创新示范区提质。", {("PLACE", "沈大国家自主创新示范区")}),
    # a common verb that also names a county is the verb right before a head: two provinces' park of cooperation
    ("广西壮族自治区政府工作报告\n桂琼合作产业园签约项目20个。", {("PLACE", "桂琼合作产业园")}),
    # a power line named by its source and the place it feeds is a facility
    ("宁夏回族自治区政府工作报告\n宁东基地送电湖南工程和哈密至重庆特高压直流工程加快建设。",
     {("PLACE", "宁东基地送电湖南工程"), ("PLACE", "哈密至重庆特高压直流工程")}),
    # a known company and its line of business before a verb: the subsidiary in that line
    ("比亚迪汽车加快布局，中粮油脂新增产能。", {("ORG", "比亚迪汽车"), ("ORG", "中粮油脂")}),
    # a spirit of a civilisation's culture named with its place keeps the place (a guard)
    ("加强湖北精神文明建设。", {("PLACE", "湖北")}),
])
def test_rules_of_the_fifteenth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # a spirit named by its place is an ideal held up, no place spoken of
    ("大力弘扬井冈山精神和延安精神。", "井冈山"),
    ("大力弘扬井冈山精神和延安精神。", "延安"),
    # a city's role as a centre of culture is no body
    ("全面增强全国文化中心功能。", "全国文化中心"),
    # a process that opens two items of a list of projects makes products, no company builds them
    ("推进煤制乙二醇、煤制天然气等项目建设。", "煤制"),
    # a level's bodies (市属, 省属) are many of a kind
    ("完善县属国有企业和市属医院管理。", "市属医院"),
    # labs named by a mountain or a river in a list closed by their count: brands of the labs
    ("峨眉山、岷江两个省实验室揭牌。", "峨眉山"),
    ("峨眉山、岷江两个省实验室揭牌。", "岷江"),
    # the three major expressways, counted; a stage of a plan is no section of a zone
    ("加快四大高速公路新通道建设，完成前海合作区第二阶段任务。", "四大高速公路"),
    ("加快四大高速公路新通道建设，完成前海合作区第二阶段任务。", "前海合作区第二阶段"),
    # … and before a head it opens no facility's or zone's name
    ("新建公路两千公里，支持县域合作示范区建设。", "新建公路"),
    ("新建公路两千公里，支持县域合作示范区建设。", "合作示范区"),
    # … but before the verb of a product the line is the product's (a line that modifies it)
    ("推进铁建重工智能掘进装备研发。", "铁建重工智能"),
    # a stem that is a common word is no township after a city's name (团结 of 安定区's 团结镇)
    ("维护安定团结的局面。", "安定团结"),
    # the zone applied for holds no place: the verb of applying ends its name
    ("湖北省政府工作报告\n支持荆门申建保税物流中心。", "荆门申建保税物流中心"),
])
def test_exclusions_of_the_fifteenth_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


# sixteenth session: the rules in docs/recognition-log.md ("sixteenth session"), in sentences written for kg
@pytest.mark.parametrize("text,expected", [
    # belts named by a river or a region, and a city's zones of law, port affairs and industry
    ("加快汉江经济带建设，打造嘉陵江文化旅游带。", {("PLACE", "汉江经济带"), ("PLACE", "嘉陵江文化旅游带")}),
    ("提档升级苏州法务区，支持营口先导区发展。", {("PLACE", "苏州法务区"), ("PLACE", "营口先导区")}),
    # a zone's name runs over the verbs of its purpose back to its place
    ("推动陕西转型综改示范区扩大开放。", {("PLACE", "陕西转型综改示范区")}),
    ("支持黑河重点开发开放试验区建设，推进抚州共同富裕试验区建设。",
     {("PLACE", "黑河重点开发开放试验区"), ("PLACE", "抚州共同富裕试验区")}),
    # a list of projects closed by their progress names their companies
    ("推动明川储能电站、瑞泰宇航等投产达效。", {("ORG", "瑞泰宇航")}),
    # a listed lake's wetland is the lake
    ("开展洞庭湖湿地候鸟监测。", {("PLACE", "洞庭湖")}),
    # water works that allocate water, the way of allocating in their name; a program named by such a head is the
    # facility, whole
    ("推进黔中水资源优化配置工程。", {("PLACE", "黔中水资源优化配置工程")}),
    ("开工大藤峡广西水资源配置工程。", {("PLACE", "大藤峡广西水资源配置工程")}),
    # a line's section between two stops, and a pipeline's fourth line in a province
    ("建成沪渝蓉高铁武汉至宜昌段，西气东输四线宁夏段投产。",
     {("PLACE", "沪渝蓉高铁武汉至宜昌段"), ("PLACE", "西气东输四线宁夏段")}),
    # a county that goes by its official name of two characters, after its city's short name
    ("支持菏泽单县发展羊肉产业。", {("PLACE", "菏泽单县")}),
    # the phase of a plant in a list is no part of the plant's place
    ("推进田湾三期、徐圩一期等核电项目。", {("PLACE", "田湾"), ("PLACE", "徐圩")}),
    # a company whose brand reads as cities' initials, before its product in a list of projects
    ("抓好烟台天岳碳化硅扩产、潍坊物元先进封装等项目。", {("ORG", "天岳")}),
    # a national body's branch for a region of the country
    ("推进国家技术转移中部中心提质扩能。", {("ORG", "国家技术转移中部中心")}),
    # the battles of the shelterbelt programme, named after their places
    ("全力打赢科尔沁沙地歼灭战。", {("PROGRAM", "科尔沁沙地歼灭战")}),
    # a company LAC finds opening a project of a list keeps its line of business before the product
    ("推进中伟新能源钠电池材料、华友钴业前驱体等项目建设。", {("ORG", "中伟新能源")}),
    # lines by their ends' initials before one by its two ends and the head they share
    ("力争开工潍烟、济枣、滨州至临沂高铁。", {("PLACE", "潍烟"), ("PLACE", "济枣")}),
    # the joint venture by its registered name's dash
    ("推动一汽—大众新车型投产。", {("ORG", "一汽—大众")}),
])
def test_rules_of_the_sixteenth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # a place chosen for a kind of zone holds no zone of its name (the verb is no purpose of a zone)
    ("长沙入选全国首批数字乡村先行区。", "长沙入选全国首批数字乡村先行区"),
    # a national title after the place is a designation the place holds
    ("推动株洲国家科技成果转化促进示范区建设。", "株洲国家科技成果转化促进示范区"),
    # a level before a body's head makes a kind of body
    ("争创省级智能制造中试平台，建成高级别动物疫病实验室。", "省级智能制造中试平台"),
    ("争创省级智能制造中试平台，建成高级别动物疫病实验室。", "高级别动物疫病实验室"),
    # the wetland of a listed lake is no place of its own
    ("开展洞庭湖湿地候鸟监测。", "洞庭湖湿地"),
    # nor is a plant's phase part of the plant's place
    ("推进田湾三期、徐圩一期等核电项目。", "田湾三期"),
    # what a city is to its region, and a freight hub, are no bodies
    ("加快把大连建成东北亚区域合作中心。", "东北亚区域合作中心"),
    ("建好中欧班列西北区域集结中心。", "西北区域集结中心"),
])
def test_exclusions_of_the_sixteenth_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


def test_a_quoted_name_of_a_head_of_no_name_is_no_mention(nlp):
    # a quoted name that ends in a head of no name (name_heads.tsv, NONE): no mention, and never one labelled NONE
    found = ents(nlp, "全力建设“北部湾国际航运中心”。")
    assert not any(label == "NONE" for label, _t in found)


@pytest.mark.parametrize("text,expected", [
    # a body named by what it does ends in its function's 中心, 联盟 or 创新院, with a place or a scope to name it
    ("牵头成立黔桂新能源汽车国际合作联盟，建好珠海科技成果转化中心。",
     {("ORG", "黔桂新能源汽车国际合作联盟"), ("ORG", "珠海科技成果转化中心")}),
    ("做强洪湖科技创新院。", {("ORG", "洪湖科技创新院")}),
    # a park that exists is a place after any verb but one of planning or building it
    ("推动酒泉工业园区申报国家级经开区。", {("PLACE", "酒泉工业园区")}),
    # a division's level character that opens a word with the next is no part of a place (区域)
    ("加强环泰山区域森林防火。", {("PLACE", "泰山")}),
    # a facility described by a superlative, then named: the name alone
    ("推动西北最大物流机场临夏国际机场通航。", {("PLACE", "西北"), ("PLACE", "临夏国际机场")}),
    # a body's base or branch in a place is one body with it; so is a national body's branch for a region
    ("支持智能材料实验室广西基地建设。", {("ORG", "智能材料实验室广西基地")}),
    ("建成国家化妆品和医疗器械审评检查西南分中心。", {("ORG", "国家化妆品和医疗器械审评检查西南分中心")}),
    # a firm LAC reads with its seat, by a name that is no word
    ("推动中汽创智总部项目开工。", {("ORG", "中汽创智")}),
    # an exhibition hall is named like a museum
    ("西安丝路非遗展览馆开馆。", {("ORG", "西安丝路非遗展览馆")}),
    # the national exchanges by their short forms
    ("推动广期所上市新品种，支持企业在北交所融资。", {("ORG", "广期所"), ("ORG", "北交所")}),
    # fields joined inside a national body's name; two bodies joined stay two
    ("国家生物医药和高端器械制造业中试平台落户。", {("ORG", "国家生物医药和高端器械制造业中试平台")}),
    ("建好国家农创中心和生物育种实验室。", {("ORG", "国家农创中心"), ("ORG", "生物育种实验室")}),
    # a zone named by two provinces' shorts the dictionary knows as an abbreviation, over the verb of its purpose
    ("加快建设苏皖生态合作示范区。", {("PLACE", "苏皖生态合作示范区")}),
    # the short form of a national innovation zone after LAC's place; a light railway by its ends
    ("发挥长株潭自创区引领作用。", {("PLACE", "长株潭自创区")}),
    ("推进宁马轻轨前期工作。", {("PLACE", "宁马轻轨")}),
    # a city's railway hub, heritage sites after their place, the short form of an agricultural pilot zone
    ("推动郑州铁路枢纽提质扩能。", {("PLACE", "郑州铁路枢纽")}),
    ("保护好大同古城墙。", {("PLACE", "大同古城墙")}),
    ("推进天水麦积石窟群保护。", {("PLACE", "天水麦积石窟群")}),
    ("建设烟台国家农综区。", {("PLACE", "烟台国家农综区")}),
    # an item of a list of mines that LAC reads as places end to end, though it opens with a common word
    ("推进白家湾、青春泉、红柳林等煤矿建设。", {("PLACE", "青春泉"), ("PLACE", "红柳林")}),
    # works on a facility named before a quoted coinage give the facility
    ("完成敦煌机场“换新装”工程。", {("PLACE", "敦煌机场")}),
])
def test_rules_of_the_seventeenth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # every such centre of a city is a kind of centre; an alliance with no place nor scope names none
    ("提升全市社区卫生服务中心服务能力。", "全市社区卫生服务中心"),
    ("推动产业技术创新联盟扩面。", "产业技术创新联盟"),
    # a close-knit hospital group is a kind the health reform builds, not a body
    ("推广紧密型城市医疗集团经验。", "紧密型城市医疗集团"),
    ("扩大国家紧密型城市医疗集团覆盖面。", "国家紧密型城市医疗集团"),
    # a place's industry before its site is no company
    ("建好铜陵有色冶炼石化产业基地。", "铜陵有色冶炼石化"),
    ("支持安庆现代石化园区扩区。", "安庆现代石化"),
    # a park to be built gives its place only; 园区 after the head makes the parks of a kind
    ("打造张掖氢能装备产业园。", "张掖氢能装备产业园"),
    ("沿边临港产业园区投资增长。", "临港产业园"),
    ("加强环泰山区域森林防火。", "泰山区"),
    # what a city means to become, and a designation with no field of its own, are no bodies
    ("努力建成具有全球影响力的氢能装备创新中心。", "氢能装备创新中心"),
    ("把武汉建成全国碳市场中心。", "全国碳市场中心"),
    ("积极申报国家质检中心。", "国家质检中心"),
    # the main works of a facility are no program's name
    ("完成引水隧洞主体工程。", "引水隧洞主体工程"),
    # organs joined by a plus name a way of running a zone
    ("深化“管委会+公司”管理体制改革。", "管委会+公司"),
    ("推动西北最大物流机场临夏国际机场通航。", "西北最大物流机场临夏国际机场"),
])
def test_exclusions_of_the_seventeenth_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


@pytest.mark.parametrize("text,expected", [
    # an event's head before the 等 that closes a list, which the segmenter joined to it
    ("办好黄山音乐节、徽州文化艺术季等节会。", {("EVENT", "徽州文化艺术季")}),
    # a meeting to draw investment is an event, no chamber of commerce
    ("办好赣湘经贸合作招商会。", {("EVENT", "赣湘经贸合作招商会")}),
    # a corridor named by the provinces' forms it joins
    ("共建豫鲁大宗商品走廊。", {("PROGRAM", "豫鲁大宗商品走廊")}),
    # the items of a list of brands that are places' products: each a brand, whole
    ("做强宜昌柑橘、秭归脐橙、恩施硒茶等区域公用品牌。",
     {("PROGRAM", "宜昌柑橘"), ("PROGRAM", "秭归脐橙"), ("PROGRAM", "恩施硒茶")}),
    # places joined by a plus in quotes
    ("用好“珠海+澳门”合作优势。", {("PLACE", "珠海"), ("PLACE", "澳门")}),
    # the party committee before a verb phrase that ends in a word ending in 局 (全局)
    ("这是自治区党委总揽全局的结果。", {("ORG", "自治区党委")}),
    # the exchange before its listed companies
    ("北京证券交易所上市公司数量稳步增加。", {("ORG", "北京证券交易所")}),
    # 和 inside 共和国 joins no two bodies
    ("我国政府完全支持朝鲜民主主义人民共和国政府的建议。", {("ORG", "朝鲜民主主义人民共和国政府")}),
])
def test_rules_of_the_eighteenth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # a place that scopes a list of common words is no brand
    ("培育甘肃牛羊肉、马铃薯、中药材等区域品牌。", "甘肃牛羊肉"),
    ("推动宜兴紫砂、德化陶瓷等做强品牌。", "宜兴紫砂"),
    # a corridor with no place is a kind
    ("推进零碳物流走廊建设。", "零碳物流走廊"),
    # LAC's coinages of a scope, a reform or another facility's kind before a zone's head
    ("建成交通强国省域示范区。", "省域示范区"),
    ("深入推进金改试验区建设。", "金改试验区"),
    ("提升保税区、陆港空港功能。", "陆港空港"),
    # common words the dictionary tags as places
    ("打造美丽城市，美丽乡村整县推进。", "美丽"),
    ("推动盐湖资源综合利用。", "盐湖"),
    ("加密高铁班次。", "加密高铁"),
    # a body's short form between two words (湖湘, 大地) is none
    ("让湖湘大地成为投资热土。", "湘大"),
    # a village before its quoted committee is the kind
    ("做好新一轮村“两委”换届工作。", "新一轮村"),
    # the province's common-character short before 的 is the adjective (a text of 新疆's cities: its own region)
    ("喀什市、和田市的干部群众站在新的起点上。", "新"),
    # a word that ends in an organ but is none
    ("国家破局突围步伐加快。", "国家破局"),
    # designations: the national kinds, at a province's level too; public hospitals are a kind
    ("组建自治区技术创新中心。", "自治区技术创新中心"),
    ("建设省技术创新中心。", "省技术创新中心"),
    ("入选国家公立医院改革示范。", "国家公立医院"),
    # bodies of every level named together; a county whose level character opens a word; a city's role
    ("推进县乡综治中心建设。", "县乡综治中心"),
    ("培育物流园区和县域直播电商中心。", "和县域直播电商中心"),
    ("建设南充省域经济副中心。", "南充省域经济副中心"),
    ("推进融资平台和城投公司转型发展。", "城投公司"),
    # a county named by a common verb opens a phrase as the verb; a place's key sites are no one site
    ("，新建电动汽车充电站5万个。", "新建电动汽车充电站"),
    ("建设青海重点遗址保护展示工程。", "青海重点遗址"),
    # a word of quantity opens no village's name
    ("我们要打造更多友好社区。", "多友好社区"),
])
def test_exclusions_of_the_eighteenth_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


@pytest.mark.parametrize("text,expected", [
    # a division before 化 is the division (the city's tangerine peel), not a process (中国化)
    ("茂名化橘红入选地理标志产品。", {("PLACE", "茂名")}),
    # 中部 alone is the central region in a national report (no province named)
    ("让本省更好支撑中部、带动周边。", {("PLACE", "中部")}),
    ("充分发挥中部区位和人才优势。", {("PLACE", "中部")}),
    # a ministry's 部 before 门户 is the ministry (门户 a word of its own)
    ("外交部门户网站改版上线。", {("ORG", "外交部")}),
    # a university town after its place
    ("加快福州大学城配套建设。", {("PLACE", "福州大学城")}),
    # pairs of a hub city with others written in a row (a text of 安徽's cities: its own region)
    ("安徽省合肥市、淮南市、六安市和滁州市签署协议，推进合淮合六合滁同城化。",
     {("PLACE", "合淮"), ("PLACE", "合六"), ("PLACE", "合滁")}),
    # LAC's organization ending in a common noun that runs on (科技成果) is none: the region is the place
    ("鼓励更多京津科技成果来冀转化。", {("PLACE", "京津")}),
    # two countries' forms before the words of their relations or of what they build together
    ("双方重申恪守中英联合声明。", {("PLACE", "中"), ("PLACE", "英")}),
    ("共建中荷设施农业产业园。", {("PLACE", "中"), ("PLACE", "荷")}),
    # the provinces' government-service apps by their shape
    ("推广“苏企通”平台，升级“陕企通”服务。", {("PROGRAM", "苏企通"), ("PROGRAM", "陕企通")}),
    # passages named by a place, a line or its ends' abbreviations, with what they carry
    ("推进三峡水运新通道和黄茅海通道建设。", {("PLACE", "三峡水运新通道"), ("PLACE", "黄茅海通道")}),
    ("谋划秦沈高铁二通道。", {("PLACE", "秦沈高铁二通道")}),
    ("开展松辽电力外送通道前期研究。", {("PLACE", "松辽电力外送通道")}),
    # railway stations by their city and one of its districts
    ("广州白云站建成投用。", {("PLACE", "广州白云站")}),
    # pipelines by their ends
    ("开工虎林—长春天然气管道。", {("PLACE", "虎林—长春天然气管道")}),
    ("论证乌海至银川输氢管道。", {("PLACE", "乌海至银川输氢管道")}),
    # a project item of its city and what LAC reads as an organization: the company's
    ("抓好滨州魏桥铝业、日照嘉瑞等项目。", {("ORG", "嘉瑞")}),
    # companies whose short names are common words: before a product of theirs, or listed beside a company
    ("加快海光处理器量产。", {("ORG", "海光")}),
    ("支持大众发动机工厂扩能。", {("ORG", "大众")}),
    ("引导曙光、浪潮、联想等企业扩产。", {("ORG", "曙光"), ("ORG", "浪潮")}),
    # a conference held, named by its field; events by the heads of this session
    ("举办徽学学术大会。", {("EVENT", "徽学学术大会")}),
    ("举办第十六届中俄文化大集。", {("EVENT", "第十六届中俄文化大集")}),
    ("主办金砖国家领导人厦门会晤。", {("EVENT", "金砖国家领导人厦门会晤")}),
    ("承办女篮世界杯预选赛。", {("EVENT", "女篮世界杯预选赛")}),
    ("举办自由式滑雪世界杯和跳水世锦赛。", {("EVENT", "自由式滑雪世界杯"), ("EVENT", "跳水世锦赛")}),
    ("我省健儿在全国冬运会上摘金。", {("EVENT", "全国冬运会")}),
    # the size after a proper name is said of the one named
    ("完成榆安大型灌区可研批复。", {("PLACE", "榆安大型灌区")}),
    # a port of a proper name before its phase
    ("推进洋口港二期工程前期工作。", {("PLACE", "洋口港")}),
    # a province and its part by direction, one region
    ("开发内蒙古东部的风光资源。", {("PLACE", "内蒙古东部")}),
    # a title of measures still counts after a verb of issuing it
    ("出台社区工作者管理办法。", {("WORK", "社区工作者管理办法")}),
    # the body issuing a title is no part of it; the bracketed word of the title's kind is
    ("遵照市委“十五五”规划《纲要》部署。", {("ORG", "市委"), ("WORK", "“十五五”规划《纲要》")}),
])
def test_rules_of_the_nineteenth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # a saying LAC reads as one place-word gives no place
    ("实现长治久安是各族群众的心愿。", "长治"),
    # 中部 after a place is its middle; in another province's report it is that province's own
    ("甘肃中部生态移民工程加快推进。", "中部"),
    ("海南省海口市、三亚市、儋州市加强与中部市县合作。", "中部"),
    # an organization ends in no idiom and no 部门
    ("重工业部门要支援农业。", "重工业部"),
    ("把群众中行之有效的办法推广开。", "中行"),
    ("更多京津科技成果来冀转化。", "京津科技"),
    # no app's name runs into 通过
    ("鲁企通过认证的数量增加。", "鲁企通"),
    # a passage described by what it carries, a port's passage, a region's corridor: kinds
    ("建设新能源外送通道。", "新能源外送通道"),
    ("港口通道能级稳步提升。", "港口通道"),
    ("谋划东北海陆大通道。", "海陆大通道"),
    # a pipeline with no place is a kind
    ("下调区内天然气管道运输费用。", "区内天然气管道"),
    # a station of a district's service is no railway station
    ("设立广州白云工作站。", "广州白云工作站"),
    # going abroad, of firms, is a slogan, no program (the strategy named after it is one)
    ("支持民营企业“走出去”，开拓国际市场。", "走出去"),
    # two levels joined are no village; a rock and a crop the dictionary tags as names are no places
    ("对贫困的县和村实行挂牌督战。", "县和村"),
    ("开发白云岩资源，推广紫云英种植。", "白云岩"),
    ("开发白云岩资源，推广紫云英种植。", "紫云英"),
    # a place's section before a word is no person surnamed 段
    ("扎实推进黄河河南段安澜提升工程。", "段安澜"),
    # common nouns the dictionary tags as names of people
    ("开通陆海空联运专线。", "陆海空"),
    ("实施退化林修复，改善林相。", "林相"),
    ("把荒山变成林海。", "林海"),
    # a preposition's object and its quality is no person
    ("始终做到对党忠诚、为民服务。", "党忠诚"),
    ("调剂余缺，搞活流通。", "余缺"),
    # a method is no title
    ("我们要善用改革办法化解难题。", "善用改革办法"),
    ("必须采取有效办法节约用水。", "采取有效办法"),
    # a size with no proper name before it is a kind
    ("着力抓好大型灌区节水改造。", "大型灌区"),
    # a company's name that is a common word, with no product of its own nor a company beside it
    ("海光照耀着大地。", "海光"),
    ("我们迎来曙光、看到希望。", "曙光"),
    # to meet leaders is no summit
    ("我们乐意同邻国领导人会晤。", "邻国领导人会晤"),
])
def test_exclusions_of_the_nineteenth_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


@pytest.mark.parametrize("text,expected", [
    # two places' shorts, a province's or a city's, before a word of partnership: two places
    ("支持深桂共建产业园。", {("PLACE", "深"), ("PLACE", "桂")}),
    ("深化深黔对口合作。", {("PLACE", "深"), ("PLACE", "黔")}),
    ("推进湘黔产业合作园区建设。", {("PLACE", "湘"), ("PLACE", "黔")}),
    ("打造京晋科创合作平台。", {("PLACE", "京"), ("PLACE", "晋")}),
    # a week a province holds abroad or in Hong Kong and Macao
    ("举办澳门湖北周活动。", {("EVENT", "澳门湖北周")}),
    # corridors of land and sea named by their region
    ("提速构建沿江陆海大通道。", {("PROGRAM", "沿江陆海大通道")}),
    # a category word that opens a field's name names what the body works in
    ("支持江苏先进材料研究院发展。", {("ORG", "江苏先进材料研究院")}),
    ("高标准运行新型储能省实验室。", {("ORG", "新型储能省实验室")}),
    # the middle reaches of the Yangtze, a named region
    ("沟通长江中游与沿海各地。", {("PLACE", "长江中游")}),
    ("护好长江中下游的湿地。", {("PLACE", "长江中下游")}),
    # a reservoir named after its site, though the site's name opens with a common word
    ("完成竹子口水库除险加固。", {("PLACE", "竹子口水库")}),
    # two counties side by side before a river are a list; a division's name read as a verb opens no place
    ("保护好宕昌县礼县西汉水生态。", {("PLACE", "宕昌县"), ("PLACE", "礼县"), ("PLACE", "西汉水")}),
    ("今冬新建安徽佛子岭水库。", {("PLACE", "安徽佛子岭水库")}),
    # protected areas, historic streets and rivers by name (sites.tsv, waters.tsv)
    ("周末去塞罕坝看星空。", {("PLACE", "塞罕坝")}),
    ("漫步长春新民大街。", {("PLACE", "长春新民大街")}),
    ("整治沱浍河航道。", {("PLACE", "沱浍河")}),
    ("疏浚太浦河。", {("PLACE", "太浦河")}),
    # a park LAC reads with a name of its own before 公园
    ("新梅江公园对市民开放。", {("PLACE", "新梅江公园")}),
    # 苏 is the Soviet Union's short in runs of countries' forms
    ("中苏两国人民世代友好。", {("PLACE", "中"), ("PLACE", "苏")}),
    ("要求美苏两国削减核武器。", {("PLACE", "美"), ("PLACE", "苏")}),
    # 汴 is 开封's short in a run of the province's cities
    ("河南省郑州市、开封市和许昌市深化郑汴许协同。", {("PLACE", "郑汴许")}),
    # a country jieba tags as a person's name
    ("西德是当年的一个国家。", {("PLACE", "西德")}),
])
def test_rules_of_the_twentieth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # a named region before a word of partnership stays one (京津, 川渝)
    ("推动京津合作示范区建设。", "京"),
    ("推动京津合作示范区建设。", "津"),
    # a category word alone still makes a kind of body
    ("建好现代产业学院。", "现代产业学院"),
    # the upper reaches of a river are the river
    ("涵养黄河上游水源。", "黄河上游"),
    # 周 of a week or around a place makes no event
    ("香港周边地区经济回暖。", "香港周"),
    # sayings hold no prefecture or city
    ("干部要从文山会海中解脱出来。", "文山"),
    ("憧憬大同世界。", "大同"),
    # two counties and a river are no one place
    ("保护好宕昌县礼县西汉水生态。", "宕昌县礼县西汉水"),
    # parks of a kind stay kinds
    ("建设口袋公园和郊野公园。", "口袋公园"),
    ("建设口袋公园和郊野公园。", "郊野公园"),
    # no name before a title opens with a function word or is all a pronoun or a counted noun
    ("欢迎其他列席同志发表看法。", "其他列席"),
    ("我们要高举毛主席的旗帜前进。", "高举毛"),
    ("中苏两国人民世代友好。", "苏两国"),
    ("中苏两国人民世代友好。", "中苏"),
    # a tea jieba tags as a person's name
    ("竹叶青等品牌入选。", "竹叶青"),
    # 日 and 周 that open other words end no observance
    ("世界经济竞争日趋激烈。", "世界经济竞争日"),
    ("完善交通枢纽及周边配套。", "交通枢纽及周"),
])
def test_exclusions_of_the_twentieth_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


@pytest.mark.parametrize("text,expected", [
    # a speaker's name before 作 of the report he delivers
    ("市长黄伟明作政府工作报告。", {("PERSON", "黄伟明")}),
    # disasters named by their place and severity, or by the site of a breach; typhoons by their quoted names
    ("有效应对湘江百年一遇特大洪水。", {("EVENT", "湘江百年一遇特大洪水")}),
    ("妥善处置益阳市群发性山洪地质灾害。", {("EVENT", "益阳市群发性山洪地质灾害")}),
    ("成功处置临湘县一线堤防决口。", {("EVENT", "临湘县一线堤防决口")}),
    ("防御超强台风“山竹”“天鸽”。", {("EVENT", "山竹"), ("EVENT", "天鸽")}),
    # a body's seat in brackets right after its name, where the name ends
    ("北京师范大学（珠海）正式招生。", {("ORG", "北京师范大学（珠海）")}),
    # the other items of a list of routes are routes though neither end is a known place
    ("建成赛尔龙至尕秀、兰州至永靖等高速公路。", {("PLACE", "赛尔龙至尕秀"), ("PLACE", "兰州至永靖")}),
    # the outlet after a source line with spaces round the colon
    ("来源 : 南方日报", {("ORG", "南方日报")}),
    # games after the city abroad that hosts them
    ("运动员在伦敦奥运会上夺金。", {("EVENT", "伦敦奥运会")}),
    # oil fields by name; mines listed with the head on the last item
    ("塔河油田稳产增产。", {("PLACE", "塔河油田")}),
    ("开工建设沙坪、张家峁、李家塔煤矿。", {("PLACE", "张家峁"), ("PLACE", "李家塔煤矿")}),
    # a reservoir whose site's name LAC reads as a verb
    ("力争讨赖峡水库早日开工。", {("PLACE", "讨赖峡水库")}),
    # parts of provinces; a county's short name tagged as a time word, in a list of places
    ("湘中南地区加快发展。", {("PLACE", "湘中南")}),
    ("当阳、枝江等县市获评。", {("PLACE", "当阳")}),
    # campaigns before a province's literary name, and 美好 before a province
    ("全力建设平安龙江。", {("PROGRAM", "平安龙江")}),
    ("全面建设美好安徽。", {("PROGRAM", "美好安徽")}),
    # a central enterprise's short form before its plant at a place
    ("推进大唐株洲电厂扩建等项目。", {("ORG", "大唐"), ("PLACE", "株洲电厂")}),
    # a dairy by its brand
    ("君乐宝乳业入选榜单。", {("ORG", "君乐宝乳业")}),
    # 科技兴 + a province's short; 三北 quoted alone
    ("深入实施科技兴鲁战略。", {("PROGRAM", "科技兴鲁")}),
    ("推进“三北”等防护林建设。", {("PROGRAM", "三北")}),
])
def test_rules_of_the_twenty_first_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # a byline is no title line
    ("山东省省长张建国作政府工作报告", "山东省省长张建国作政府工作报告"),
    # a flood that broke out, with a verb between, names no disaster
    ("皖南突发洪水得到有效处置。", "皖南突发洪水"),
    # three typhoons in a row are no typhoon's name
    ("经受住台风“三连击”考验。", "三连击"),
    # a plant's site in brackets before what is built there stays a place of its own
    ("茂名石化（博贺）乙烯项目投产。", "茂名石化（博贺）"),
    # provinces' shorts opening a route of transport are no place
    ("发展赣粤非铁海联运。", "赣粤非铁海"),
    # generic oil and gas fields
    ("积极开发海上油气田。", "海上油气田"),
    # a province's system of labs after a count names no place
    ("建成8家湖南实验室。", "湖南"),
    # a level word opens no facility's name
    ("武山、甘谷2县新通高速公路。", "县新通高速公路"),
    # selected in a procurement, no body
    ("集采中选的药品价格下降。", "中选"),
])
def test_exclusions_of_the_twenty_first_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


def test_a_verb_and_its_place_listed_are_no_brand_quoted_elsewhere(nlp):
    # “投资甲省” is a brand where quoted; 看好甲省、投资甲省 lists a verb and its place
    found = ents(nlp, "擦亮“投资湖北”品牌。客商纷纷看好湖北、投资湖北。")
    assert [t for label, t in found if label == "PLACE"].count("湖北") == 2
    assert [t for label, t in found if label == "PROGRAM"] == ["投资湖北"]


@pytest.mark.parametrize("text,expected", [
    # an item of a list whose last item carries a facility's head, where the item and the head make a known facility
    ("规划建设长征、长江国家文化公园两段。", {("PLACE", "长征"), ("PLACE", "长江国家文化公园")}),
    # groups listed beside a group, named by their line of business
    ("做强矿业集团、森工集团等国企。", {("ORG", "矿业集团"), ("ORG", "森工集团")}),
    # a national platform's node in a province, the province in brackets
    ("上线中国智造（江西）服务平台。", {("PROGRAM", "中国智造（江西）服务平台")}),
])
def test_late_rules_of_the_twenty_first_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # 大 before an institute's short name coins a reform
    ("推进“大农科院”改革。", "农科院"),
    # a university before 梦 is a dream
    ("圆了更多甘肃学子大学梦。", "甘肃学子大学"),
    # the slogan of the economy's bright prospects holds no place
    ("合力唱响中国经济光明论。", "中国"),
])
def test_late_exclusions_of_the_twenty_first_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


@pytest.mark.parametrize("text,expected", [
    # a city right before a site that LAC knows and the gazetteer does not: one place, the site as written
    ("推进中山翠亨湾建设。", {("PLACE", "中山翠亨湾")}),
    # cities abroad: the host city and its games are one event, capitals and large cities are places
    ("我国选手在雅典奥运会上夺得金牌。", {("EVENT", "雅典奥运会")}),
    ("新开通至奥斯陆和达卡的货运航线。", {("PLACE", "奥斯陆"), ("PLACE", "达卡")}),
    # memorial halls are named museums
    ("新建延安革命纪念馆分馆。", {("ORG", "延安革命纪念馆")}),
    ("修缮井冈山革命烈士纪念馆。", {("ORG", "井冈山革命烈士纪念馆")}),
    # a list of lines by their ends' abbreviations, closed by another kind of line after 及
    ("年内开工京雄、沪杭、宁芜及合肥枢纽联络线等5个高铁项目。", {("PLACE", "沪杭"), ("PLACE", "宁芜")}),
    # the day a meeting was held is a date of its own before the meeting's name
    ("会后贯彻7月30日中央政治局会议精神。", {("DATE", "7月30日"), ("EVENT", "中央政治局会议")}),
    # a body kg knows opens the name of its meeting
    ("成功承办上合组织青年创业论坛和上合组织传统医学论坛。",
     {("EVENT", "上合组织青年创业论坛"), ("EVENT", "上合组织传统医学论坛")}),
    # a foreign name joined by · stays whole though a city abroad sits inside it (罗兹 of 费罗兹)
    ("基金会主任安娜·费罗兹在致辞中表示感谢。", {("PERSON", "安娜·费罗兹")}),
])
def test_rules_of_the_twenty_second_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # 中国 opening a national honour or list a thing is selected into is no place
    ("今年该村入选中国美丽休闲乡村名单。", "中国"),
    # two cities side by side stay two places
    ("支持宜昌襄阳联动发展。", "宜昌襄阳"),
    # 等 closing a list of lines is no part of the last line's name (三等 a word of the segmenter)
    ("推动沪渝蓉、京广、温福三等高铁进入规划。", "温福三等高铁"),
    # a standing arrangement of joint meetings between two bodies is no meeting
    ("健全市政府与市总工会联席会议机制。", "市总工会联席会议"),
    # a route of two places after a county is no site of the county
    ("开工建设和平至龙川高速。", "和平至龙川"),
])
def test_exclusions_of_the_twenty_second_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


def test_cities_abroad_share_no_name_with_a_division_or_a_country():
    from kg.data import country_names, load_table

    cities = [r["name"] for r in load_table("world_cities.tsv")]
    home = {n for r in load_table("places.tsv") for n in (r["name"], *r["aliases"].split("|")) if n}
    assert len(cities) == len(set(cities)) > 400
    assert not [c for c in cities if len(c) < 2 or c in home or c in country_names()]


@pytest.mark.parametrize("text,expected", [
    # two meetings joined by 和 are two events, the party's congress session keeping 党的
    ("会议传达了党的二十届五中全会和市委十三届九次全会精神。",
     {("EVENT", "党的二十届五中全会"), ("EVENT", "市委十三届九次全会")}),
    # the fields one program covers, listed with 、 after a verb of running it, are its name's
    ("今年开展码头、堆场安全隐患整治专项行动。", {("PROGRAM", "码头、堆场安全隐患整治专项行动")}),
    # the meeting held together with an elided session is named in full
    ("依照县委八届三次、四次全会暨县委经济工作会议的部署。", {("EVENT", "县委经济工作会议")}),
    # a whole province before a plan says where the plan runs; the plan is the title
    ("抓紧编制全省低空经济发展规划。", {("WORK", "低空经济发展规划")}),
    # a counted set of measures titled by its own verb, 壮大 inside it
    ("出台推动个体工商户发展壮大15条措施。", {("WORK", "推动个体工商户发展壮大15条措施")}),
    # a title before a name the dictionary takes for a place says a person
    ("俄罗斯总统普京致贺电。", {("PERSON", "普京")}),
    # a new town named by its city and county is one place
    ("年内加快韶关乳源新城建设。", {("PLACE", "韶关乳源新城")}),
    # a campus named by its place after a national medical centre is one body with it
    ("开工建设华山医院国家医学中心松江院区。", {("ORG", "华山医院国家医学中心松江院区")}),
    # a quoted coinage and its program word are one name though the coinage is also quoted alone
    ("开展“暖心护航”行动。“暖心护航”覆盖全市。", {("PROGRAM", "“暖心护航”行动"), ("PROGRAM", "暖心护航")}),
    # the city's own plan, named by 市 and a generic title
    ("市综合交通体系规划通过审议。", {("WORK", "市综合交通体系规划")}),
    # the legal-education campaign by its round is a program, its plan a document, the round no date
    ("今年要扎实开展“九五”普法，并印发“九五”普法规划。",
     {("PROGRAM", "“九五”普法"), ("WORK", "“九五”普法规划")}),
    # the national epidemics by their names are events; the disease alone is none
    ("当年经受住非典疫情的考验，防治非典的经验值得总结。", {("EVENT", "非典疫情")}),
    # a quoted place with a noun of praise or result after it is a figure: the place is named, no program
    ("各地推广“丽水经验”，打造“三湘粮仓”。", {("PLACE", "丽水"), ("PLACE", "三湘")}),
    # a park two provinces build together, named with a field of its own, is one place (the pair right before
    # 共建 stays two partners: 深桂共建产业园)
    ("闽黔数字经济共建产业园签约落地。", {("PLACE", "闽黔数字经济共建产业园")}),
    # a national event whose fields are joined by 和 opens with 中国
    ("承办中国民族乐器制作和演奏博览会。", {("EVENT", "中国民族乐器制作和演奏博览会")}),
])
def test_rules_of_the_twenty_third_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # the second and third sessions of a list, their body and term elided, are no meetings of their own
    ("贯彻落实县委八届五次、六次、七次全会部署。", "七次全会"),
    # programs elided in a list stay apart: the items are actions of their own
    ("实施蔬菜供给保障、水果品质提升行动。", "蔬菜供给保障、水果品质提升行动"),
    # places listed before a program are mentions of their own
    ("实施渭河谷地、运城盆地大气污染治理行动。", "渭河谷地、运城盆地大气污染治理行动"),
    # 即 ("that is") ends a name on its left: the quoted term before it is no part of the meeting
    ("其中“一会”即区安全生产委员会全体会议。", "“一会”即区安全生产委员会全体会议"),
    # a county's name LAC reads as a common word names a kind of new town
    ("推动平原新城提质增效。", "平原新城"),
    # a plan's quoted period stays a plan's title, no program run by a clause before it
    ("我们回顾一下“七五”计划的执行情况。", "我们回顾一下“七五”计划"),
    # the United Nations in a list of good practice a project is selected into is no body here
    ("该湿地修复项目入选联合国生态修复优秀案例。", "联合国"),
    # the State Council's list of good practice, the same: nothing inside it is a mention
    ("相关经验入选国务院深化改革综合督查典型做法。", "国务院深化改革综合督查"),
])
def test_exclusions_of_the_twenty_third_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


@pytest.mark.parametrize("text,expected", [
    # an LNG terminal by its city is one place
    ("钦州LNG接收站预计年底建成。", {("PLACE", "钦州LNG接收站")}),
    # a group of sites by its own name is one heritage site, 群 with it
    ("丁村遗址群入选年度考古新发现。", {("PLACE", "丁村遗址群")}),
    # a city's planned new centre is an area, no body
    ("加快岳阳南湖城市新中心建设。", {("PLACE", "岳阳南湖城市新中心")}),
    # streets in a list before 道路 are places, though a common word opens one of them
    ("维修改造解放大道、友爱路等40条主干道路。", {("PLACE", "解放大道"), ("PLACE", "友爱路")}),
    # a single street before 等道路 is one too; the clause's verb LAC reads as one word stays out
    ("更新改造永康路等道路12条。", {("PLACE", "永康路")}),
    # the outlet of a page's source line is an ORG, a news app's 客户端 no part of its name
    ("来源：江南新闻客户端 2026年1月20日", {("ORG", "江南新闻")}),
    ("来源：东方网 2026年1月20日", {("ORG", "东方网")}),
    # an association named as it is set up is one body though no place opens its name
    ("组建运行新材料产业创新协会。", {("ORG", "新材料产业创新协会")}),
    # a quoted region coined by its shape or by a count of its lakes and rivers is a place, no program
    ("持续巩固“铅三角”污染治理成果。", {("PLACE", "铅三角")}),
    ("完善“一湖四水”生态补偿机制。", {("PLACE", "一湖四水")}),
    # a quoted site by its proper name and a heritage site's head is a place
    ("“海上丝路”、“泉州古城”等项目正在筹备申遗。", {("PLACE", "泉州古城")}),
    # mass organizations listed as the leads of a task are each a body, and so are those of a level
    ("开展义诊进社区活动（牵头单位：残联、妇联、卫健委）。", {("ORG", "残联"), ("ORG", "妇联")}),
    ("市妇联组织家庭教育讲座。", {("ORG", "市妇联")}),
    # national campaigns of 2024-2026 by their names
    ("县纪委监委把群众身边不正之风和腐败问题集中整治抓实抓细。",
     {("PROGRAM", "群众身边不正之风和腐败问题集中整治")}),
    ("全市深化安全生产治本攻坚，建成车路云一体化示范路段。",
     {("PROGRAM", "安全生产治本攻坚"), ("PROGRAM", "车路云一体化")}),
    ("两家企业在新三板挂牌，全县推进千集万店改造。", {("PROGRAM", "新三板"), ("PROGRAM", "千集万店")}),
    # the State Grid by its two-character form, where the segmenter has it as a word
    ("国网青山、华电白水两座抽水蓄能电站开工。", {("ORG", "国网")}),
    # the State Council's yearly inspection is an event; what a brand won (获) is no part of the name before it
    ("“放心办·安心办”服务获国务院综合督查点名肯定。", {("EVENT", "国务院综合督查")}),
    # the scope and the field before a five-year plan's quoted period are no words of its title
    ("本县经济社会发展“十五五”规划经县人大审议通过。", {("WORK", "“十五五”规划")}),
    ("全县经济和社会发展“十五五”规划经县人大审议通过。", {("WORK", "“十五五”规划")}),
])
def test_rules_of_the_twenty_fourth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # the greenways a city adds are a kind, no place
    ("新增城市绿道超100公里。", "城市绿道"),
    # a sub-centre to be built, with no city named, is a goal
    ("支持该市打造城市副中心。", "城市副中心"),
    # the clause's verbs are no part of a street
    ("维修改造解放大道、友爱路等40条主干道路。", "改造解放大道"),
    # the associations of a trade set up are a kind
    ("鼓励成立行业协会。", "行业协会"),
    # a run of countries' one-character forms never opens inside an adverb: 越来越美好 names no Vietnam, no America
    ("让群众的日子越来越美好。", "越"),
    ("让群众的日子越来越美好。", "美"),
    # a disease named after a region names no place
    ("统筹做好非洲猪瘟等动物疫病防控。", "非洲"),
    # a grade before 公路 makes a class of road
    ("其中县道四级公路改造50公里。", "道四级公路"),
    # one character and a common word before 铁路 name a kind of line unless the character is a place's
    ("四网是指干线铁路、城际铁路和城市轨道交通。", "指干线铁路"),
    # the golden triangle of three cities working together is a figure of speech
    ("打造三市协同创新“金三角”。", "金三角"),
    # the mass organizations by their bare names in prose are the kind every level has
    ("鼓励妇联、共青团、工会等群众团体参与基层治理。", "共青团"),
    ("鼓励妇联、共青团、工会等群众团体参与基层治理。", "妇联"),
    # ... and never inside 中国网络
    ("本市承办中国网络安全宣传周活动。", "国网"),
])
def test_exclusions_of_the_twenty_fourth_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))


@pytest.mark.parametrize("text,expected", [
    # a company opening an item of a list of projects after its city and that city's county
    ("推进长沙浏阳甲钘科技固态电池、株洲乙丙电子芯片等项目。", {("ORG", "甲钘科技")}),
    # ... and in a list closed by a quoted count of projects
    ("抓好湘潭丁钘储能材料、衡阳戊己光电显示面板等“八大产业项目”建设。", {("ORG", "丁钘")}),
    # an item LAC reads both as a person and as an organization, in a list of things: the organization
    ("推进岳阳乙烯炼化扩能、邵虹基板玻璃、衡阳绿色盐化等项目。", {("ORG", "邵虹")}),
    # central enterprises by their bare short forms in a list of enterprises, or beside known companies
    ("支持一重、哈电等企业加快技术攻关。", {("ORG", "一重"), ("ORG", "哈电")}),
    ("本市同空客、航天科技、中航工业等开展协作。", {("ORG", "航天科技")}),
    # a group of three cities by their first characters is a place, no company
    ("推动万达开地区协同发展。", {("PLACE", "万达开")}),
    # two bodies of one level written together: the first is the name, the second's level elided
    ("感谢自治区人大政协的监督支持。", {("ORG", "自治区人大")}),
    # a verb before a national body LAC took in opens the object
    ("拓展中央银行宏观审慎管理职能。", {("ORG", "中央银行")}),
    # a national region by its full name
    ("海峡西岸经济区的港口群联动发展。", {("PLACE", "海峡西岸经济区")}),
    # a city abroad after its own country is one place
    ("新开通至挪威奥斯陆、越南河内的货运航线。", {("PLACE", "挪威奥斯陆"), ("PLACE", "越南河内")}),
    # (a guard, true before this session too: a park by the river keeps its name)
    ("市民在滨河森林公园健身。", {("PLACE", "滨河森林公园")}),
])
def test_rules_of_the_twenty_fifth_session(nlp, text, expected):
    assert expected <= set(ents(nlp, text))


@pytest.mark.parametrize("text,name", [
    # a craftsmen's honour title named by a region holds no place
    ("培育更多河北工匠和齐鲁工匠。", "河北"),
    ("培育更多河北工匠和齐鲁工匠。", "齐鲁"),
    # 滨江 and 滨海 before a noun of the shore say "by the river, by the sea"
    ("整治滨江岸线30公里。", "滨江"),
    ("建设热带滨海城市。", "滨海"),
    ("打造南部滨海旅游带。", "南部滨海旅游带"),
    # a bay area, any, is a kind of area
    ("发展海洋经济和湾区经济。", "湾区"),
    # the conjunction 和 before a level word is no county of Anhui
    ("公社的干部和县的干部都要下到田间。", "和县"),
    # a military bloc is no body
    ("我国不参加任何军事集团。", "军事集团"),
    # where a river enters the Yellow River is no place 黄口
    ("三条支流入黄口断面水质稳定达标。", "黄口"),
    # a deputy is a person's role, no body
    ("人大代表建议512件、政协委员提案318件办结率100%。", "人大代表"),
    # the central operating area of a port is no body
    ("建成周口港中心作业区二期。", "周口港中心"),
    # two bodies of one level written together are no one body
    ("感谢自治区人大政协的监督支持。", "自治区人大政协"),
    # 万达 of a group of cities is no company
    ("推动万达开地区协同发展。", "万达"),
])
def test_exclusions_of_the_twenty_fifth_session(nlp, text, name):
    assert not any(t == name for _label, t in ents(nlp, text))
