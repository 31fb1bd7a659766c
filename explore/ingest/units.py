"""Government units recognised by their form, wherever they stand (pure).

A unit's name is a place (a gazetteer name or a bare 省/市/区/县/镇, 各区, 各街道 …) or none,
then a body, then an organ ending (局, 委, 办, 厅, 部, 署, 委员会, 办公室, 管委会, 中心, 公司,
法院, 街道办事处 …); or one of the national short forms (发展改革委, 人力资源社会保障部,
市场监管总局, 海关总署 …). A bracket may nest inside (区委（区政府）办公室) or close it
(区发展改革委（粮食和储备局）). Words that end like a unit but are none (干部, 格局, 城乡结合部,
执行 …) are refused. The vocabularies are ``explore/data/units.txt``, parsed here and only here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from explore.ingest.script import has_traditional, to_simplified
from explore.ingest.sections import read_sections

_DATA = Path(__file__).resolve().parents[1] / "data" / "units.txt"
# A mirror's pinyin readings inside words: 農(nóng)林水務(wù)局.
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
_CLOSING_BRACKET = re.compile(r"[（(][^（）()]{1,20}[）)]$")
# punctuation, digits, and 全省/全区… (the whole of a place, 全区城镇新增就业; 全国妇联 is a body)
_NOT_A_NAME = re.compile(r"[，,。；;：:！!？?\d%“”\"《》]|^全[省市区县州旗镇乡]")
MAX_CHARS = 30


@dataclass(frozen=True)
class Vocabulary:
    organs: tuple[str, ...]  # longest first
    national: frozenset[str]
    not_units: tuple[str, ...]
    prefixes: tuple[str, ...]
    national_openings: tuple[str, ...]  # a name opening so is a national body's (国务院办公厅)
    nation_words: tuple[str, ...]  # how a document speaks of the nation (全国, 我国, 国务院)
    bare: frozenset[str]  # a people's organisation named with no place (妇联, 团委)
    task_openings: tuple[str, ...]  # how a task opens (深化, 推进): never a field a bureau serves


@functools.cache
def vocabulary(path: Path = _DATA) -> Vocabulary:
    """The sections of ``units.txt``; ValueError naming the line that is in no section."""
    sections = read_sections(path)
    return Vocabulary(
        organs=tuple(sorted(set(sections.get("organs", [])), key=len, reverse=True)),
        national=frozenset(sections.get("national", [])),
        not_units=tuple(sections.get("not units", [])),
        prefixes=tuple(sorted(set(sections.get("prefixes", [])), key=len, reverse=True)),
        national_openings=tuple(sections.get("national openings", [])),
        nation_words=tuple(sections.get("nation words", [])),
        bare=frozenset(sections.get("bare names", [])),
        task_openings=tuple(sections.get("task openings", [])),
    )


def normalise(name: str) -> str:
    """A name as written, without spaces and a mirror's pinyin readings."""
    return re.sub(r"[\s\u3000]", "", _PINYIN.sub("", name))


@functools.lru_cache(maxsize=1 << 16)  # the same cells and names are asked about again and again
def is_unit(name: str) -> bool:
    """Whether ``name`` (the whole string) is a government unit's name by its form; a Traditional
    name is read in Simplified (區婦聯 as 区妇联), as the vocabulary is written."""
    name = normalise(name)
    name = to_simplified(name) if has_traditional(name) else name
    vocab = vocabulary()
    if not name or len(name) > MAX_CHARS or _NOT_A_NAME.search(name):
        return False
    if name in vocab.national or name in vocab.bare or (name in vocab.prefixes and name.startswith(("各", "有关"))):
        return True  # 各区, 各街道, 有关部门 answer for an item as much as a named unit
    base = _CLOSING_BRACKET.sub("", name)  # 区发展改革委（粮食和储备局）: the unit is what stands before
    if base in vocab.national:
        return True
    organ = next((o for o in vocab.organs if base.endswith(o)), None)
    if organ is None or any(base.endswith(w) for w in vocab.not_units):
        return False
    stem = base[: -len(organ)]
    if any(stem.startswith(verb) and len(stem) > len(verb) for verb in vocab.task_openings):
        return False  # 建设养老中心, 推进改革办: a task that names a facility (建设局, 推进办 are bodies)
    # 县委, 区办 stand on a bare place; anything else needs a body before its organ
    return bool(stem) and (len(base) >= 3 or stem in vocab.prefixes)


_NAME_STEP = 2  # a longer name this close after a shorter one is the same name (区委 → 区委办 → 区委办公室)


def unit_at(text: str, start: int) -> int | None:
    """Where the unit's name that starts at ``start`` ends, or None: the shortest name, grown
    while a longer one follows within a character or two or through a bracket (区委（区政府）办公室),
    so that 区人力社保局 is not read on into 根据市人力社保局, nor 区发改局 into 区发改局区统计局."""
    ends = [j for j in range(start + 2, min(len(text), start + MAX_CHARS) + 1) if is_unit(text[start:j])]
    if not ends:
        return None
    end = ends[0]
    for j in ends[1:]:
        if j - end > _NAME_STEP and text[end : end + 1] not in "（(":
            break
        end = j
    return end


def opens_on_place(name: str) -> bool:
    """The name opens on a place: a bare 省/市/区/县/各…, or a gazetteer's name (嘉兴电力局)."""
    from explore.ingest.gazetteer import place_names  # loads only when a name needs it

    return name.startswith(vocabulary().prefixes) or any(name[:n] in place_names() for n in range(2, 5))


def unglued(name: str) -> list[str]:
    """A unit's name, or the names a page ran together without a separator (区发改局区统计局 →
    区发改局, 区统计局): each after the first opening on its place, so 市委组织部 stays whole, and
    naming a body, so 国务院各部门 does too."""
    parts, at = [], 0
    while at < len(name):
        end = unit_at(name, at)
        if end is None or name[at:end] in vocabulary().prefixes or (parts and not opens_on_place(name[at:end])):
            return [name]  # 国务院各部门, 各县市区政府: a collective, one name
        if parts and (_PARENT.search(parts[-1]) or _BRANCH.search(name[at:end])):
            parts[-1] += name[at:end]  # 人民银行长春中心支行, 国家税务总局深圳市税务局: one body's branch
        else:
            parts.append(name[at:end])
        at = end
    return parts or [name]


# A body whose branches are named after it (国家税务总局 + 深圳市税务局), and a branch's own word.
_PARENT = re.compile(r"(?:银行|总局|集团|总公司)$")
_BRANCH = re.compile(r"(?:支行|分行|分局|分公司|分院|分中心)$")


# The verbs a note closes on after the units it names (（X、Y负责）, （X指导）); roles' notes too.
DUTY_VERBS = "负责|牵头|落实|承担|推进|实施|指导"
# What follows a list of units in "（X、Y等按职责分工负责）".
_DUTY = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位)?)?(?:按照?职责分工|根据职责分工|按职责|依职责|分别|共同|会同)?"
    rf"(?:{DUTY_VERBS})?(?:落实|实施)?$"
)
# Between units in a list: 、，, 和 及 与 and spaces; "等" closes a list.
_SEPARATORS = re.compile(
    r"[、，,；;/\s]+|(?<![高平同均对])等(?=[\u4e00-\u9fff])|(?<=[局委办厅部署院室所站处队会行社馆联镇乡门府位])(?:和|及|与)"
)


_INNER_LIST = re.compile(r"[（(<‹〈][^（）()<>‹›〈〉]{1,12}[）)>›〉]")
_KEPT = "\x00"


# A list of places sharing one government: the seat ends the last unit (市政府, 县人民政府).
_SHARED_SEAT = re.compile(r"[市县区州旗]?(?:人民)?政府$")
_SOME_PLACES = re.compile(r"(?:相关|有关|各)[市县区州]")
# A field's bureau written once after the fields it serves: 水利、电力部门; 教育、卫生、民政局.
_SHARED_ORGAN = re.compile(r"^[省市区县]?[\u4e00-\u9fff]{2,4}(?:部门|局|委|厅|办)$")
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,4}")


def split_units(text: str) -> list[str]:
    """The unit names listed in ``text`` (X、Y和Z等), in order; other pieces are left out."""
    return list(_split_units(text))


@functools.lru_cache(maxsize=8192)  # a lead note or an organ recurs from item to item, page to page
def _split_units(text: str) -> tuple[str, ...]:
    text = _DUTY.sub("", text.strip())
    # a list inside a name's bracket is the name's (各县(市、区)人民政府, 各县<市、区>政府): kept whole
    text = _INNER_LIST.sub(lambda m: m.group().replace("、", _KEPT), text)
    pieces = [p.removesuffix("等").replace(_KEPT, "、") for p in (p.strip() for p in _SEPARATORS.split(text)) if p]
    kept, after = [], ""
    for piece in reversed(pieces):
        if is_unit(piece):
            kept.append(piece)
            after = piece
        elif after and _shares_suffix(piece, after):
            kept.append(piece)  # 哈尔滨、黑河、绥芬河市政府; 相关市、县政府: the organ written once, last
        else:
            after = ""
    return tuple(part for unit in kept[::-1] for part in unglued(unit))


def _shares_suffix(piece: str, unit: str) -> bool:
    """Whether ``piece`` shares the organ written once after the last unit of the list: a place's
    government (哈尔滨、黑河、绥芬河市政府; 相关市、县政府) or a field's bureau (水利、电力部门)."""
    from explore.ingest.gazetteer import place_names  # the gazetteer loads only when a list needs it

    if _SHARED_SEAT.search(unit):
        return piece in place_names() or bool(_SOME_PLACES.fullmatch(piece))
    field = bool(_SHARED_ORGAN.match(unit) and _FIELD.fullmatch(piece))
    return field and piece not in place_names() and not piece.startswith(vocabulary().task_openings)
