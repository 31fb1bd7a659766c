"""A SQL dump's document row (``dumps``), read as a record's fields, on excerpts shaped as real
dumps keep government documents (eval/dev's thirteenth round; none from the seeds)."""

from explore.ingest.clean import split_paragraphs
from explore.ingest.dumps import dump_row
from explore.ingest.meta import infer_meta
from explore.ingest.read import read_bytes
from explore.ingest.records import record_fields

# A Navicat or mysqldump excerpt: the table's columns, then its rows without them
_DUMP = [
    "DROP TABLE IF EXISTS `gov_wj`;",
    "CREATE TABLE `gov_wj` (",
    "  `id` int(11) NOT NULL AUTO_INCREMENT,",
    "  `bt` varchar(255) CHARACTER SET utf8mb4 DEFAULT NULL COMMENT '文件标题',",
    "  `nr` longtext COMMENT '内容',",
    "  `fbrq` datetime DEFAULT NULL COMMENT '发布日期',",
    "  PRIMARY KEY (`id`)",
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
    "-- Records of gov_wj",
    "INSERT INTO `gov_wj` VALUES ('7', '某某县人民政府关于做好秋冬季森林防火工作的通知', "
    "'<h1>某某县召开森林防火工作会议</h1>各乡镇人民政府：', '2021-10-08 00:00:00');",
]


def test_a_dumps_row_is_named_by_its_tables_columns():
    assert record_fields(_DUMP) == {"title": "某某县人民政府关于做好秋冬季森林防火工作的通知"}
    # the columns by name (article_title), or listed in the row itself after the table
    named = [line.replace("`bt`", "`article_title`").replace("文件标题", "") for line in _DUMP]
    assert record_fields(named)["title"] == "某某县人民政府关于做好秋冬季森林防火工作的通知"
    listed = [*_DUMP[:8], "INSERT INTO `gov_wj` (`id`, `news_title`) VALUES ('7', '关于X的通知');"]
    assert record_fields(listed) == {"title": "关于X的通知"}
    # a row with no table above it names no column; a subtitle is no title
    assert record_fields(_DUMP[-1:]) == {}
    assert record_fields(["insert into t (id, subtitle) values (1, '副标题')"]) == {}
    # a Chinese schema names its columns by pinyin initials (bt 标题, wjmc 文件名称)
    assert record_fields(["insert into zcwj (id, wjmc, nr) values (1, '关于X的通知', '正文')"]) == {
        "title": "关于X的通知"
    }


def test_a_dumps_table_may_be_created_on_one_line_and_its_row_begin_on_the_next():
    # a hand-written dump: setup, the table on one line, INSERT … VALUES, its tuple below, cut
    dump = ["set names utf8;", "drop database if exists gov;", "create database gov;", "use gov;", "",
            "-- 文件", "create table wj(id int primary key auto_increment, title varchar(200), "
            "price decimal(10,2), content text);", "insert into wj values",
            "(1, '关于X的通知', 9.50, '<h1>另一条新闻</h1>'),(2, '关于"]  # fmt: skip
    assert record_fields(dump) == {"title": "关于X的通知"}
    doc = split_paragraphs(read_bytes("wj.sql", "\n".join(dump).encode()).text)
    assert infer_meta(doc, doc.simplified).title == "关于X的通知"


def test_a_dumps_row_is_found_past_its_setup_lines():
    setup = ["SET NAMES utf8mb4;", "SET FOREIGN_KEY_CHECKS = 0;", "", "-- ----------------------------",
             "-- Records of article", "-- ----------------------------", "BEGIN;"]  # fmt: skip
    row = "INSERT INTO `article` (`id`, `title`, `content`) VALUES (1, '关于X的通知', '正文');"
    assert record_fields([*setup, row]) == {"title": "关于X的通知"}
    # a row quoted deep in a page's prose is no record of it
    assert record_fields(["某某区2023年工作总结", "一、主要工作", "二、存在问题", "三、下步打算", row]) == {}


def test_a_table_of_menus_or_users_before_the_documents_gives_way_to_their_row():
    # Navicat (dev7303): a menu table has a title column too; the document's row holds its text
    menus = ["/*", "Navicat MySQL Data Transfer", "Source Database       : demo", "*/", "",
             "CREATE TABLE `x_action_node` (", "  `id` int(11) NOT NULL,", "  `title` varchar(50) NOT NULL,",
             "  PRIMARY KEY (`id`)", ") ENGINE=InnoDB;",
             *[f"INSERT INTO `x_action_node` VALUES ('{k}', '菜单{k}');" for k in range(80)], "",
             "CREATE TABLE `x_article` (", "  `id` int(11) NOT NULL,",
             "  `article_title` varchar(255) NOT NULL COMMENT '文章标题',", "  `article_content` text,",
             ") ENGINE=InnoDB;",
             "INSERT INTO `x_article` VALUES ('1', '国务院', '国务院总理李克强主持召开国务院常务会议，决定提高中央财政"
             "自然灾害生活补助标准，加快因灾倒损民房恢复重建。');"]  # fmt: skip
    assert record_fields(menus) == {"title": "国务院"}
    doc = split_paragraphs("\n".join(menus))
    assert infer_meta(doc, doc.simplified).title == "国务院"
    # phpMyAdmin (dev7302): a table of users with no title column, then the articles, listed by column
    users = ["-- phpMyAdmin SQL Dump", "SET AUTOCOMMIT = 0;", "START TRANSACTION;",
             "/*!40101 SET NAMES utf8mb4 */;", "CREATE TABLE `node_admin` (", "  `id` int(11) NOT NULL,",
             "  `user_name` varchar(20) NOT NULL", ") ENGINE=MyISAM;",
             "INSERT INTO `node_admin` (`id`, `user_name`) VALUES", "(1, 'admin');", "",
             "INSERT INTO `node_article` (`id`, `article_title`, `article_content`) VALUES",
             "(1, '习近平在银川考察调研', '习近平总书记9日在银川考察调研。'),", "(2, '另一条"]  # fmt: skip
    assert record_fields(users) == {"title": "习近平在银川考察调研"}
    # with no table of documents, the first row of a titled table
    assert record_fields(menus[:14]) == {"title": "菜单0"}


def test_a_dumps_title_column_wins_over_the_headline_its_content_holds():
    doc = split_paragraphs("\n".join(_DUMP) + "\n某某县召开森林防火工作会议\n各乡镇人民政府：\n")
    assert infer_meta(doc, doc.simplified).title == "某某县人民政府关于做好秋冬季森林防火工作的通知"


def test_a_columns_comment_names_it_a_title_and_quotes_in_comments_separate_nothing():
    # a schema named in pinyin the reader does not know (wzmc), its COMMENT in Chinese; a COMMENT
    # that opens no parenthesis but closes one (1)通知 2)新闻) before it
    dump = ["CREATE TABLE `gov_wz` (", "  `id` int(11) NOT NULL,",
            "  `lb` int(11) DEFAULT NULL COMMENT '类别：1)通知,2)新闻',", "  `wzmc` varchar(200) COMMENT '标题',",
            "  `nr` text COMMENT '内容'", ") ENGINE=InnoDB;",
            "INSERT INTO `gov_wz` VALUES ('1', '1', '关于X的通知', '各乡镇人民政府：现将有关事项通知如下，请认真贯彻落实。');"]  # fmt: skip
    assert dump_row(dump, titled=lambda name: name == "title")[0] == {
        "id": "1",
        "lb": "1",
        "title": "关于X的通知",
        "nr": "各乡镇人民政府：现将有关事项通知如下，请认真贯彻落实。",
    }


def test_lines_of_prose_are_no_dump():
    row = "INSERT INTO `article` (`id`, `title`) VALUES (1, '关于X的通知');"
    assert dump_row(["罗湖区2017年改革计划"], titled=lambda name: name == "title")[0] == {}
    # a row in the first three lines is read wherever it stands; below prose, never
    assert dump_row(["罗湖区", row], titled=lambda name: name == "title")[0] == {"id": "1", "title": "关于X的通知"}
    assert dump_row(["一", "二", "三", row], titled=lambda name: name == "title")[0] == {}


def test_what_stands_above_the_documents_row_is_the_dumps_chrome_and_kept():
    menus = ["/*", "Navicat MySQL Data Transfer", "*/", "SET FOREIGN_KEY_CHECKS=0;",
             "CREATE TABLE `x_action_node` (", "  `id` int(11) NOT NULL,", "  `title` varchar(50) NOT NULL", ");",
             "INSERT INTO `x_action_node` VALUES ('19', '权限设置');",
             "CREATE TABLE `x_article` (`id` int(11), `article_title` varchar(255), `article_content` text);",
             "INSERT INTO `x_article` VALUES ('1', '国务院', '国务院总理李克强主持召开国务院常务会议，决定提高中央财政"
             "自然灾害生活补助标准，加快因灾倒损民房恢复重建。');"]  # fmt: skip
    doc = split_paragraphs("\n".join(menus))
    assert doc.paragraphs == menus[-1:]
    assert doc.chrome == [line.strip() for line in menus[:-1]]  # set aside, not lost
    # a text that is no dump keeps every line
    assert split_paragraphs("罗湖区2017年改革计划\n一、总体要求").paragraphs == ["罗湖区2017年改革计划", "一、总体要求"]
