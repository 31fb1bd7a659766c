"""Plans carried out: for each item of a plan, the later documents of the same place that report
on it (by the wording they share), what they say of it (done, under way), and the items never
mentioned again."""

import altair as alt
import streamlit as st

from explore.analysis.followthrough import REVIEW_SHARE, SIMILARITY
from explore.app import computed_followthrough as computed
from explore.app.pages.common import IN_URL, analysed_key, download, load, plural, show_command

st.title("Plans carried out")
corpus, filters, docs = load()
akey, formula = analysed_key(corpus)
st.markdown(
    "A plan lists reform items in year Y; the later documents of the same district (news, work reports, "
    "the next plans) say what became of them. A heading whose paragraphs each open on a short lead sentence "
    "(a work report's 打好精准脱贫攻坚战。…) is read as those tasks, one a paragraph. Each item is compared with every paragraph of those later "
    "documents by the terms they share (TF-IDF cosine); a document's most similar paragraph is a mention "
    "when it reaches the similarity below. A later report's own parts count: its next year's plan "
    "(二、2019年工作安排) plans again and is never a mention; its review (一、2018年工作回顾) is there to "
    f"report, so {REVIEW_SHARE:.0%} of that similarity suffices there. The words around it (完成, 建成, 出台 … done; 推进, 启动, 试点, "
    "深化 … under way; `explore/data/status_words.txt`) say what it reports. Read the passages: wording "
    "in common is a lead, not proof."
)
plans = computed.plans(akey, filters)
if plans.empty:
    st.info("No filtered document lists plan items: widen the filters in the sidebar.")
    st.stop()
labels = computed.plan_labels(akey, filters)
c1, c2 = st.columns([3, 1])
# the plan with the most later documents to read first: a plan with none has nothing to show
most = int(plans["later_documents"].to_numpy().argmax())
chosen = c1.selectbox("Plan", list(labels), index=most, key="ft_plan", **IN_URL)
least = c2.slider("Least similarity", 0.1, 0.6, SIMILARITY, step=0.05, key="ft_min", **IN_URL)
plan = labels[chosen]
found = computed.followthrough(akey, filters, plan, float(least))
mentions, items, summary = found["mentions"], found["items"], found["plans"]
row = summary.iloc[0]
m1, m2, m3, m4 = st.columns(4)
m1.metric("Items", int(row["items"]))
m2.metric("Mentioned within a year", f"{row['share_within_1_year']:.0%}", help=f"{row['within_1_year']} items")
m3.metric("Within two years", f"{row['share_within_2_years']:.0%}", help=f"{row['within_2_years']} items")
m4.metric("Never mentioned again", int(row["never"]))
st.caption(f"{plural(int(row['later_documents']), 'later document')} of {row['district']} read; "
           f"{plural(len(mentions), 'mention')} of {plural(int(row['mentioned']), 'item')}.")  # fmt: skip

if not mentions.empty:
    order = list(dict.fromkeys(items.loc[items["mentions"] > 0, "item"]))
    drawn = mentions.assign(stage=mentions["stage"].replace("", "no status word"))
    dots = alt.Chart(drawn).mark_circle(size=140, opacity=0.85).encode(
        x=alt.X("later_year:O", title="Year of the later document", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("item:N", title=None, sort=order, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("stage:N", title="It reads", scale=alt.Scale(domain=["done", "under way", "no status word"],
                        range=["#15803d", "#f59e0b", "#9ca3af"])),
        tooltip=["item", "later_title", "later_year", "similarity", "stage", "status"],
    )  # fmt: skip
    st.altair_chart(dots.properties(height=alt.Step(24), title="Later mentions of the plan's items"), width="stretch")

st.subheader("Each item")
st.dataframe(items, hide_index=True, key="ft_items")
download(items, "followthrough-items", filters, plan, key="dl_ft_items")
show_command("followthrough_items", filters, formula=formula, plan=plan, similarity=least)
st.subheader("The mentions")
st.dataframe(mentions, hide_index=True, key="ft_mentions",
             column_config={"passage": st.column_config.TextColumn(width="large")})  # fmt: skip
download(mentions, "followthrough", filters, plan, key="dl_ft_mentions")
show_command("followthrough", filters, formula=formula, plan=plan, similarity=least)
never = items.loc[items["mentions"] == 0, "item"]
with st.expander(f"Items never mentioned again ({len(never)})"):
    st.dataframe(never.to_frame(), hide_index=True, key="ft_never")

st.subheader("Every plan of the filtered documents")
st.dataframe(plans, hide_index=True, key="ft_plans")
download(plans, "plans", filters, key="dl_ft_plans")
show_command("plans", filters, formula=formula)
show_command("followthrough_plans", filters, formula=formula, similarity=least,
             label="How many of each plan's items are mentioned again, for every plan at once (each plan's "
             "later documents are read: on a large corpus this takes a while):")  # fmt: skip
