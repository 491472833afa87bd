"""Cleaning: the chrome classifier, block rules, normalisation, title and dateline."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natocli.clean import Cleaned, clean, find_dateline, is_chrome

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DATA = json.loads(
    (Path(__file__).resolve().parent.parent / "natocli" / "data" / "chrome.json").read_text(encoding="utf-8")
)


# --- the line classifier -----------------------------------------------------

CHROME = [
    # navigation
    pytest.param("Skip to main content", id="skip-to-content"),
    pytest.param("Previous Article", id="previous-article"),
    pytest.param("Next Article", id="next-article"),
    pytest.param("« Previous", id="previous-arrow"),
    pytest.param("Next Post", id="next-post"),
    pytest.param("Related articles", id="related-articles"),
    pytest.param("You may also like", id="you-may-also-like"),
    pytest.param("Most read", id="most-read"),
    pytest.param("Read more: NATO allies pledge more troops for the eastern flank", id="read-more-link"),
    pytest.param("READ MORE | Rutte warns of Russian threat", id="read-more-caps-pipe"),
    pytest.param("Continue reading", id="continue-reading"),
    pytest.param("Home > News > World", id="breadcrumb"),
    pytest.param("Back to top", id="back-to-top"),
    pytest.param("Page 2 of 3", id="pagination"),
    pytest.param("Print", id="print"),
    pytest.param("Email", id="email"),
    pytest.param("https://www.nato.int/cps/en/natohq/news.htm", id="bare-url"),
    pytest.param("Click to expand", id="click-to-expand"),
    pytest.param("Loading...", id="loading"),
    pytest.param("WATCH: Rutte speaks at the summit", id="watch-embed"),
    pytest.param("No time to read?", id="no-time-to-read"),
    pytest.param("Get a summary", id="get-a-summary"),
    pytest.param("Listen to this article", id="listen"),
    pytest.param("5 min read", id="reading-time"),
    # account, registration, verification codes, passwords
    pytest.param("NATO MULTIMEDIA ACCOUNT", id="site-account-header"),  # a short line ending in "account"
    pytest.param("Log in", id="log-in"),
    pytest.param("Sign in with Google", id="sign-in-with"),
    pytest.param("Register", id="register"),
    pytest.param("Create an account", id="create-account"),
    pytest.param("Forgot your password?", id="forgot-password"),
    pytest.param("Reset password", id="reset-password"),
    pytest.param("Create a new password", id="new-password"),
    pytest.param("Your password has been updated", id="password-updated"),
    pytest.param("Verification code", id="verification-code"),
    pytest.param("Didn't receive a code? Send new Code", id="resend-code"),
    pytest.param("Check your inbox and enter verification code", id="check-inbox"),
    pytest.param(
        "We have sent a verification code to your email address. Enter the code to verify your account. "
        "This code will expire in 30 minutes.",
        id="code-sent",
    ),
    pytest.param(
        "The password must be at least 12 characters long, no spaces, include upper/lowercase letters, "
        "numbers and symbols.",
        id="password-rule",
    ),
    pytest.param("You have successfully created your account", id="account-created"),
    pytest.param("Don't have an account? Sign up", id="no-account"),
    pytest.param("Already a subscriber? Log in", id="already-subscriber"),
    pytest.param("Email address*", id="form-field"),
    pytest.param("Remember me", id="remember-me"),
    pytest.param("Click the button to return to the page you were on and log in with your new password.", id="click-the-button"),
    pytest.param("Enter the email address you registered with and we will send you a code to reset your password.", id="enter-email"),
    # newsletter, subscription, paywall, community
    pytest.param("Sign up for our newsletter", id="newsletter-sign-up"),
    pytest.param("Subscribe to our newsletter", id="newsletter-subscribe"),
    pytest.param("Subscribe now", id="subscribe-now"),
    pytest.param("Get the latest news delivered to your inbox every morning.", id="inbox"),
    pytest.param("Sign up to receive our daily defence briefing", id="sign-up-to-receive"),
    pytest.param("Thank you for subscribing!", id="thanks-subscribing"),
    pytest.param("Support our journalism", id="support-journalism"),
    pytest.param("You have reached your limit of free articles", id="paywall-limit"),
    pytest.param("This article is for subscribers only", id="subscribers-only"),
    pytest.param(
        "If you would like to join our community and read more articles like this then please click here",
        id="join-our-community",
    ),
    pytest.param(
        "If you would also like to subscribe to the newsletter and receive our latest updates, click on the button below.",
        id="newsletter-button",
    ),
    pytest.param("From now on you can download videos from our website", id="reader-site-talk"),
    pytest.param("Access NATO’s broadcast-quality video content free of charge", id="access-free-of-charge"),
    pytest.param("Click here to read the full report", id="click-here"),
    pytest.param("Read the full statement here.", id="read-statement-here"),  # a link, unlike the reported version below
    pytest.param("Download our app", id="download-app"),
    pytest.param("Have a news tip? Contact us at tips@example.com", id="news-tip"),
    # social and comments
    pytest.param("Share this article", id="share-this-article"),
    pytest.param("Share on Facebook", id="share-on-facebook"),
    pytest.param("Facebook Twitter LinkedIn WhatsApp Email", id="share-bar"),
    pytest.param("Follow us on Twitter", id="follow-us"),
    pytest.param("Follow @NATO", id="follow-handle"),
    pytest.param("Copy link", id="copy-link"),
    pytest.param("Link copied to clipboard", id="link-copied"),
    pytest.param("Comments (12)", id="comments-count"),
    pytest.param("Show comments", id="show-comments"),
    pytest.param("Leave a comment", id="leave-comment"),
    # cookies and consent
    pytest.param("We use cookies to improve your experience on our site.", id="we-use-cookies"),
    pytest.param(
        "This website uses cookies. By continuing to browse the site, you agree to our use of cookies.",
        id="cookie-banner",
    ),
    pytest.param("Accept all cookies", id="accept-cookies"),
    pytest.param("Reject all", id="reject-all"),
    pytest.param("Manage preferences", id="manage-preferences"),
    pytest.param("We value your privacy", id="value-privacy"),
    pytest.param("Privacy Policy", id="privacy-policy"),
    pytest.param("Terms of Use", id="terms-of-use"),
    pytest.param("Your browser does not support the video tag.", id="video-tag"),
    # ads
    pytest.param("Advertisement", id="advertisement"),
    pytest.param("Story continues below advertisement", id="story-continues"),
    pytest.param("Sponsored content", id="sponsored"),
    pytest.param("Report this ad", id="report-ad"),
    # copyright
    pytest.param("© 2025 Reuters", id="copyright-sign"),
    pytest.param("(c) 2024 The Associated Press. All rights reserved.", id="copyright-c"),
    pytest.param("All rights reserved", id="all-rights-reserved"),
    pytest.param("Our Standards: The Thomson Reuters Trust Principles.", id="reuters-standards"),
    # photo credits and captions
    pytest.param("Photo: AFP/Getty Images", id="photo-credit"),
    pytest.param("(Photo by John Thys/AFP via Getty Images)", id="getty-credit"),
    pytest.param("Image source, Getty Images", id="bbc-image-source"),
    pytest.param("Image caption, Troops during an exercise in Estonia", id="bbc-caption"),
    pytest.param(
        "NATO Secretary General Mark Rutte speaks in Brussels, Belgium, June 3, 2025. REUTERS/Yves Herman/File Photo",
        id="reuters-caption",  # a caption: its date must not become an event
    ),
    pytest.param("AP Photo/Virginia Mayo", id="ap-photo"),
    pytest.param("Photo by John Thys/AFP", id="photo-by"),
    pytest.param("Video by Jane Doe", id="video-by"),
    # bylines and stamps
    pytest.param("By John Smith", id="byline"),
    pytest.param("By Sabine Siebold and Andrew Gray, Reuters", id="byline-two-agency"),
    pytest.param("By LORNE COOK Associated Press", id="byline-caps"),
    pytest.param("By Euronews with AP", id="byline-with"),
    pytest.param("Written by Jane Doe", id="written-by"),
    pytest.param("Jane Doe | Reuters", id="name-pipe-agency"),
    pytest.param("Jane Doe, Defence Correspondent", id="name-role"),
    pytest.param("Staff and agencies", id="staff-and-agencies"),
    pytest.param("Reporting by John Smith; Editing by Jane Doe", id="reporting-by"),
    pytest.param("Additional reporting by Max Hunder in Kyiv", id="additional-reporting"),
    pytest.param("Published: 8 January 2026", id="published"),
    pytest.param("Posted on 8 January 2026", id="posted-on"),
    pytest.param("Updated: 08/01/2026 12:00", id="updated-numeric"),
    pytest.param("Last updated 3 hours ago", id="last-updated-relative"),
    pytest.param("Last modified on Thu 8 Jan 2026 15.00 GMT", id="last-modified"),
    pytest.param("8 January 2026", id="date-only"),
    pytest.param("Jan 8, 2026 10:15 AM ET", id="date-time-only"),
    pytest.param("Tags: NATO, defence", id="tags"),
    pytest.param("Filed under: Europe, Defence", id="filed-under"),
    pytest.param("Topics", id="topics-label"),
    pytest.param("Editor's note: This story has been updated with the minister's comments.", id="editors-note"),
    pytest.param("This article was originally published by The Conversation.", id="originally-published"),
    pytest.param("• • •", id="only-bullets"),
    pytest.param("[…]", id="elision-mark"),
    pytest.param("- " * 40, id="long-rule"),  # no letters at all, however long
    pytest.param("Newsletter Sign Up", id="newsletter-sign-up-label"),
    pytest.param("To continue reading, please log in or create an account.", id="paywall-log-in"),
    pytest.param("Please enable JavaScript to view the comments powered by Disqus.", id="javascript"),
    pytest.param("By signing up, you agree to our Terms of Use and Privacy Policy.", id="sign-up-terms"),
    pytest.param("Independent journalism needs your support.", id="support-appeal"),
    pytest.param("Yes, I agree", id="consent-yes"),
    pytest.param("Continue without accepting", id="consent-continue"),
    pytest.param("Recommended by Outbrain", id="outbrain"),
    pytest.param("Opens in new window", id="new-window"),
    pytest.param("— With files from The Canadian Press", id="with-files-from"),
    pytest.param("Follow the author on X: @janedoe", id="follow-author"),
    pytest.param("Read the original article.", id="original-article"),
    pytest.param("Photograph: Omar Havana/Getty Images", id="guardian-credit"),
    pytest.param("Illustration by Jane Doe", id="illustration-by"),
    pytest.param("Updated on: January 8, 2026 11:02 AM", id="updated-on"),
    pytest.param("January 8, 2026 3:51 PM GMT+1 Updated 2 hours ago", id="reuters-stamp"),
    pytest.param("This article is more than 1 year old", id="age-warning"),
    pytest.param("BBC Europe correspondent", id="role-line"),
    pytest.param("Jane Smith is the Pentagon correspondent for Defense News.", id="author-bio"),
    pytest.param("Purchase Licensing Rights", id="licensing"),
    pytest.param("Reuse this content", id="reuse"),
    pytest.param("Explore more on these topics", id="explore-topics"),
    # long cookie notices: two phrases, trigger words with quotes and brackets clinging to them
    pytest.param(
        "We and our partners use cookies to personalise content and ads, to provide social media features and "
        "to analyse our traffic. By clicking “Accept all”, you agree to the use of cookies on this website, as "
        "described in (our privacy policy) and our terms of use, which you can change at any time.",
        id="long-cookie-notice",
    ),
    pytest.param(
        "“Cookies” help us deliver our services. We use cookies to remember your settings and to measure how "
        "readers use the site, and we never sell your data to anyone. (Manage your cookie settings) at any time "
        "in the privacy centre of this website.",
        id="long-cookie-notice-quoted-first-word",
    ),
]

NOT_CHROME = [
    # risky words inside article sentences
    pytest.param("NATO allies agreed to share intelligence", id="share-intelligence"),
    pytest.param("Poland will subscribe to the joint procurement scheme", id="subscribe-scheme"),
    pytest.param("The minister said the code of conduct would be updated", id="code-of-conduct"),
    # Borderline: an imperative "Read the full statement", but reported by the
    # article ("officials said"), so it is article text. Reported speech is never
    # judged by the soft signs (phrases, calls to action).
    pytest.param("Read the full statement on NATO's website, officials said.", id="read-statement-reported"),
    pytest.param("By 2030, allies should spend 3.5% of GDP on core defence.", id="by-year"),
    pytest.param("By contrast, Germany has struggled to meet the target.", id="by-contrast"),
    pytest.param("By Tuesday, NATO leaders had agreed on a new plan.", id="by-weekday"),
    pytest.param("Share prices of Rheinmetall rose 5% after the announcement.", id="share-prices"),
    pytest.param("Advertising budgets for recruitment campaigns doubled last year.", id="advertising-budgets"),
    pytest.param("Follow-up talks are planned for March.", id="follow-up"),
    pytest.param("Comments by the minister drew criticism from opposition parties.", id="comments-by"),
    pytest.param("Print and broadcast media were barred from the meeting.", id="print-media"),
    pytest.param("Hackers used stolen credentials to log in to the ministry network.", id="log-in-hackers"),
    pytest.param("The ministry said users must reset their passwords after the breach.", id="passwords-reported"),
    pytest.param("Russia accused NATO of trying to sign up new members in the Caucasus.", id="sign-up-members"),
    pytest.param("Related talks will be held in Brussels next week.", id="related-talks"),
    pytest.param("The alliance will register a new command in Finland.", id="register-command"),
    pytest.param("Copyright infringement claims against the defence contractor were dismissed.", id="copyright-word"),
    pytest.param("Email exchanges between officials were leaked to the press.", id="email-exchanges"),
    pytest.param("Tags on the missiles identified them as Iranian-made.", id="tags-on-missiles"),
    pytest.param("Updated plans for the eastern flank were presented to ministers.", id="updated-plans"),
    pytest.param("Published reports suggest the alliance will raise its target.", id="published-reports"),
    pytest.param("Photo journalists were barred from the base.", id="photo-journalists"),
    pytest.param("Subscribers to the treaty must notify the depositary.", id="subscribers-treaty"),
    pytest.param("The cookies served at the summit dinner were a Dutch speciality.", id="cookies-food"),
    pytest.param("Click, the cybersecurity firm, said the attack came from Russia.", id="click-company"),
    pytest.param('"You have to understand our website was attacked," the spokesman said.', id="quoted-website"),
    pytest.param("Access to the ministry's website was restricted after the attack.", id="access-noun"),
    pytest.param("Support for Ukraine remains strong among allies, the poll found.", id="support-noun"),
    pytest.param("Read between the lines, and the message to Moscow is clear.", id="read-between"),
    pytest.param("Log data from the drones was handed to investigators.", id="log-data"),
    pytest.param("Home to NATO's headquarters, Brussels hosted the meeting.", id="home-to"),
    pytest.param("Next year's summit will take place in Ankara.", id="next-year"),
    pytest.param("Previous summits have focused on Ukraine.", id="previous-summits"),
    pytest.param("Our correspondent in Kyiv reports that air raid sirens sounded overnight.", id="our-correspondent"),
    pytest.param("The statement, published on 8 January 2026, said allies would meet again in June.", id="published-inside"),
    pytest.param("Live-fire exercises began in Lithuania on Monday.", id="live-fire"),
    pytest.param("More than 30,000 troops took part in the exercise.", id="more-than"),
    pytest.param("The Secretary General thanked Portugal for its contribution.", id="thanked"),
    pytest.param("Those who sign up for the reserve will train for six weeks.", id="sign-up-reserve"),
    pytest.param("The alliance's website was hit by a cyber attack.", id="website-attack"),
    pytest.param("Printed copies of the declaration were handed out.", id="printed-copies"),
    pytest.param("Jane Doe is a senior fellow at the Atlantic Council, a think tank in Washington.", id="source-intro"),
    pytest.param("Sources, however, said the deal was close.", id="sources-comma"),
    pytest.param("Also — and crucially — the allies agreed to send more troops.", id="also-dash"),
    pytest.param("Reproduction of the documents was banned by the court.", id="reproduction-noun"),
    pytest.param("Images by Maxar Technologies showed Russian troops massing near the border.", id="images-by-sentence"),
    pytest.param("An eyewitness account", id="eyewitness-account"),  # a subheading, not a site account
    # headlines, including kickers that belong to them
    pytest.param("Join the alliance? Not yet, says Kyiv", id="headline-join"),
    pytest.param("Follow the money: how NATO spends its common funds", id="headline-follow"),
    pytest.param("Enter the drones: how Ukraine changed warfare", id="headline-enter"),
    pytest.param("Contact group meets in Ramstein", id="headline-contact"),
    pytest.param("NATO Pushes for Expanded Weapons Production and Strengthened Alliance Readiness", id="headline"),
    pytest.param("Germany to buy more Patriot systems", id="headline-short"),
    pytest.param("Exclusive: NATO plans 300,000 troops on high readiness", id="kicker-exclusive"),
    pytest.param("Analysis: Why NATO's 5% target is hard to reach", id="kicker-analysis"),
    pytest.param("Get ready for a long war, NATO chief tells Europe", id="headline-get"),
    pytest.param("Watch this space: allies eye new air defence deal", id="headline-watch"),
    pytest.param("Sign of the times: Finland's border fence nears completion", id="headline-sign"),
    pytest.param("NATO summit to open on 8 July 2026", id="headline-with-date"),
    # long paragraph with one risky phrase in the middle: kept
    pytest.param(
        "The alliance's cyber defence centre in Tallinn published guidance on Tuesday warning that attackers "
        "increasingly imitate official login pages, and that staff who are told to click here in an unexpected "
        "message should report it; the centre also urged governments to fund training for smaller allies.",
        id="long-paragraph-one-phrase",
    ),
    # trigger words inside longer words ("designated", "logistics", "restore", "likely", "site" in "website"s)
    pytest.param(
        "The designated logistics hub will restore the supply of ammunition to the eastern flank, officials in "
        "Warsaw and Vilnius told reporters, and a likely second site for the technology centre is being discussed "
        "by the allies' procurement agencies, which have signed contracts worth billions.",
        id="long-paragraph-trigger-substrings",
    ),
    # two cookie phrases, but reported by the article
    pytest.param(
        "Cookie policy: we use cookies on our website, the broadcaster said in a statement that was posted to its "
        "homepage on Tuesday after regulators asked why readers were tracked, adding that readers could manage "
        "their preferences and accept all cookies or only necessary cookies.",
        id="long-paragraph-reported-cookie-phrases",
    ),
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", NOT_CHROME)
def test_article_lines_are_not_chrome(line):
    assert not is_chrome(line)


def test_is_chrome_normalises_the_line():
    # odd spaces and surrounding white space do not hide a label
    assert is_chrome("\u00a0Share\u00a0this\u00a0article \n")
    assert not is_chrome("")
    assert not is_chrome("   ")


# --- the seeds ---------------------------------------------------------------


def _seed(prefix: str) -> Cleaned:
    (path,) = SEEDS.glob(prefix + "_*.txt")
    return clean(path.read_text(encoding="utf-8"))


def test_seed_000_trailing_community_prompt_removed():
    cleaned = _seed("000")
    assert "join our community" not in cleaned.text
    assert "click here" not in cleaned.text
    assert cleaned.text.splitlines()[-1].startswith("The itinerary also included")
    assert len(cleaned.text.splitlines()) == 5  # the five article paragraphs
    # no headline line: the title is the first sentence, cut at a word boundary
    assert cleaned.title.startswith(
        "NATO Deputy Secretary General Radmila Shekerinska concluded a high-level two-day visit to Portugal "
        "on 8 January 2026,"
    )
    assert cleaned.title.endswith("…") and len(cleaned.title) <= 200
    assert cleaned.published is None


def test_seed_001_summary_prompts_and_article_links_removed():
    cleaned = _seed("001")
    for chrome in (
        "No time to read?",
        "Get a summary",
        "Previous Article",
        "Next Article",
        "Rafael Amargo",
        "Spain’s Labor Market remains resilient",
    ):
        assert chrome not in cleaned.text
    lines = cleaned.text.splitlines()
    assert lines[0] == "NATO Pushes for Expanded Weapons Production and Strengthened Alliance Readiness"
    assert lines[1].startswith("NATO leaders are being urged to accelerate weapons production")
    assert lines[-1].startswith("Ultimately, the discussion around weapons production")
    assert len(lines) == 9  # headline + eight paragraphs
    assert cleaned.title == "NATO Pushes for Expanded Weapons Production and Strengthened Alliance Readiness"
    assert cleaned.published is None


def test_seed_002_account_page_removed():
    cleaned = _seed("002")
    for chrome in (
        "NATO MULTIMEDIA ACCOUNT",
        "Register",
        "verification code",
        "This code will expire in 30 minutes.",
        "The password must be at least",
        "12 characters",
        "Reset password",
        "Your password has been updated",
        "newsletter",
        "click",
    ):
        assert chrome.lower() not in cleaned.text.lower()
    lines = cleaned.text.splitlines()
    assert lines[0].startswith("Secretary General Mark Rutte travelled to Lisbon and Madrid on Monday (27 January)")
    assert lines[-1].startswith("During the visit, the Secretary General also thanked Portugal and Spain")
    assert len(lines) == 7
    assert cleaned.title.startswith("Secretary General Mark Rutte travelled to Lisbon and Madrid on Monday (27 January) for discussions")
    assert len(cleaned.title) <= 200
    assert cleaned.published is None


def test_seeds_against_expected_titles(expected):
    # The expected file describes each title in words; its quoted part must lead ours.
    for doc in expected["docs"]:
        cleaned = clean((SEEDS / doc["file"]).read_text(encoding="utf-8"))
        described = re.sub(r"\s*\(.*\)\s*$", "", doc["title"])
        ours = cleaned.title.rstrip("…")
        assert ours.startswith(described) or described.startswith(ours)


# --- block rules -------------------------------------------------------------

BLOCKS = [
    pytest.param(
        "Allies agree new plan for the eastern flank\n\n"
        "The allies agreed on Tuesday to a new plan for the eastern flank, officials said after the meeting.\n\n"
        "Previous Article\n\nRussia tests new missile near the Finnish border\n\n"
        "Next Article\n\nSpain’s Labor Market remains resilient with steady hiring into the summer",
        ["Allies agree new plan for the eastern flank",
         "The allies agreed on Tuesday to a new plan for the eastern flank, officials said after the meeting."],
        id="previous-next-links",  # the linked headlines go with their labels
    ),
    pytest.param(
        "The allies agreed on Tuesday to a new plan for the eastern flank, officials said after the meeting.\n"
        "Related articles\nNATO boosts spending\nRussia warns Finland over border\nPoland buys tanks\n"
        "© 2025 Example News",
        ["The allies agreed on Tuesday to a new plan for the eastern flank, officials said after the meeting."],
        id="related-list",
    ),
    pytest.param(
        "Create an account\nShow\nContinue with Apple\nAccept all cookies\n"
        "NATO foreign ministers met in Brussels on Wednesday to discuss support for Ukraine and air defence.",
        ["NATO foreign ministers met in Brussels on Wednesday to discuss support for Ukraine and air defence."],
        id="unknown-lines-inside-dialog",  # "Show", "Continue with Apple" sit between account and cookie lines
    ),
    pytest.param(
        "Skip to main content\nWorld\nEurope\nNATO chief urges allies to spend more\nBy Jane Doe\n"
        "8 January 2026\nShare\n"
        "NATO's secretary general urged allies on Thursday to raise defence spending well above two percent.",
        ["NATO chief urges allies to spend more",
         "NATO's secretary general urged allies on Thursday to raise defence spending well above two percent."],
        id="headline-kept-labels-dropped",
    ),
    pytest.param(
        "NATO chief urges allies to spend more\n"
        "Alliance leaders are under pressure to rebuild stocks\n"
        "NATO's secretary general urged allies on Thursday to raise defence spending well above two percent.",
        ["NATO chief urges allies to spend more",
         "Alliance leaders are under pressure to rebuild stocks",
         "NATO's secretary general urged allies on Thursday to raise defence spending well above two percent."],
        id="standfirst-kept",
    ),
    pytest.param(
        "NATO's secretary general urged allies on Thursday to raise defence spending well above two percent.\n"
        "Advertisement\n"
        "He said the alliance must also invest in air defence and long-range strike capabilities, officials said.\n"
        "The summit begins on Tuesday.",
        ["NATO's secretary general urged allies on Thursday to raise defence spending well above two percent.",
         "He said the alliance must also invest in air defence and long-range strike capabilities, officials said.",
         "The summit begins on Tuesday."],
        id="mid-article-ad",  # a short final sentence after the last long paragraph stays
    ),
    pytest.param(
        "Ministers met in Brussels to discuss the new force model and the readiness of troops on the flank.\n"
        "Share\nNATO boosts spending again\nPolish army recruits record numbers",
        ["Ministers met in Brussels to discuss the new force model and the readiness of troops on the flank."],
        id="tail-links-after-chrome",
    ),
    pytest.param(
        "Sweden joins NATO\nSweden joins NATO\n"
        "Sweden formally joined NATO on Thursday, becoming the alliance's 32nd member after two years of talks.",
        ["Sweden joins NATO",
         "Sweden formally joined NATO on Thursday, becoming the alliance's 32nd member after two years of talks."],
        id="repeated-headline-once",
    ),
]


@pytest.mark.parametrize("raw, expected", BLOCKS)
def test_block_rules(raw, expected):
    assert clean(raw).text.splitlines() == expected


# --- whole pages, shaped like those of different outlets --------------------

PAGES = [
    pytest.param(
        "Skip to main content\n"
        "Exclusive news, data and analytics for financial market professionals\n"
        "World\nEurope\n"
        "NATO allies agree to boost air defence production, sources say\n"
        "By Sabine Siebold and Andrew Gray\n"
        "January 8, 2026 3:51 PM GMT+1 Updated 2 hours ago\n"
        "BRUSSELS, Jan 8 (Reuters) - NATO allies agreed on Thursday to boost the production of air defence "
        "systems, three diplomatic sources told Reuters.\n"
        '"We cannot afford to wait," one diplomat said.\n'
        "Reporting by Sabine Siebold; Editing by Alex Richardson\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
        "Suggested Topics:\nEurope\nShare\nX\nFacebook\nLinkedin\nEmail\nLink\nPurchase Licensing Rights",
        "NATO allies agree to boost air defence production, sources say",
        dt.date(2026, 1, 8),
        3,
        id="wire-service",  # the tagline above the section labels is masthead, not the headline
    ),
    pytest.param(
        "Nato allies agree new plan for eastern flank\n2 hours ago\nShare\nSave\n"
        "Jessica Parker\nBBC Europe correspondent\n"
        "Image source, Getty Images\nImage caption, Polish troops during an exercise near the border\n"
        "Nato allies have agreed a new plan to defend the alliance's eastern flank, in what officials "
        "describe as the biggest overhaul since the Cold War.\n"
        "Related topics\nNato\nPoland\nMore on this story\nNato summit: What was agreed?\nPublished 10 July",
        "Nato allies agree new plan for eastern flank",
        None,  # "2 hours ago" gives no date
        2,
        id="broadcaster",  # author's name alone on a line, next to her role
    ),
    pytest.param(
        "Nato\nThis article is more than 1 year old\n"
        "Nato allies agree to raise defence spending target to 3.5% of GDP\n"
        "Alliance leaders meet in The Hague amid pressure from Washington\n"
        "Jennifer Rankin in Brussels\nThu 8 Jan 2026 14.05 GMT\nShare\n"
        "Nato allies have agreed to raise their core defence spending target to 3.5% of GDP, with a further "
        "1.5% for related infrastructure.\n"
        "Explore more on these topics\nNato\nEurope\nDefence policy\nnews\nShare\nReuse this content",
        "Nato allies agree to raise defence spending target to 3.5% of GDP",
        dt.date(2026, 1, 8),
        3,  # headline, standfirst, paragraph
        id="newspaper",
    ),
    pytest.param(
        "NATO Secretary General meets with the Prime Minister of Portugal\n27 Jan. 2025 -\n"
        "Secretary General Mark Rutte travelled to Lisbon on Monday (27 January) for discussions on the "
        "security situation in Europe.\n"
        "Last updated: 28 Jan. 2025 10:54\nPrint\nE-mail\nShare this\nRelated news\n"
        "NATO Secretary General visits Spain\nNATO Secretary General visits Poland",
        "NATO Secretary General meets with the Prime Minister of Portugal",
        dt.date(2025, 1, 27),
        2,
        id="nato-news-page",
    ),
    pytest.param(
        "Home » Defence » NATO\n\nNATO's New Force Model Explained\n\n"
        "Posted on January 8, 2026 by defence-admin\n\n"
        "The New Force Model, agreed at the Madrid summit, replaces the NATO Response Force with a much "
        "larger pool of forces.\n\n"
        "Share this:\nTwitter\nFacebook\nLike this:\nLike Loading...\nRelated\n"
        "NATO summit in Vilnius: what to expect\nIn \"Defence\"\nLeave a Reply Cancel reply\n"
        "Your email address will not be published. Required fields are marked *\nComment\nName *\nEmail *",
        "NATO's New Force Model Explained",
        dt.date(2026, 1, 8),
        2,
        id="blog",
    ),
    pytest.param(
        "We use cookies and similar technologies to personalise content and ads and to analyse our traffic. "
        "By clicking Accept, you consent to our use of cookies.\nAccept\nManage settings\n"
        "Defense News\nPentagon approves $1.2 billion sale of missiles to Poland\nBy Jane Smith\n"
        "Jan 8, 2026, 03:25 PM\n"
        "WASHINGTON — The State Department has approved the possible sale of 1,200 AIM-120 missiles to "
        "Poland, the agency said Thursday.\n"
        "About Jane Smith\nJane Smith is the Pentagon correspondent for Defense News.",
        "Pentagon approves $1.2 billion sale of missiles to Poland",
        dt.date(2026, 1, 8),
        2,
        id="trade-press-behind-cookie-banner",  # the site's name above the headline is dropped
    ),
    pytest.param(
        "NATO Review\nThe Alliance at 75: lessons for the next decade\nBy Jamie Shea\n"
        "Since its founding in 1949, the North Atlantic Treaty Organization has adapted repeatedly to\n"
        "a changing security environment. The end of the Cold War and the attacks of 11 September\n"
        "2001 each forced the Alliance to rethink its purpose and its tools.\n"
        "NATO Review\n2\n"
        "Today the Alliance faces a revisionist Russia, strategic competition with China and a\n"
        "series of crises on its southern flank, and allies have agreed to spend more on defence.\n"
        "NATO Review\n3\n"
        "The next decade will test whether allies can turn these commitments into capabilities.",
        "The Alliance at 75: lessons for the next decade",
        None,
        4,
        id="pdf-with-running-header",  # wrapped lines joined; header and page numbers dropped
    ),
    pytest.param(
        "Sweden joins NATO\nSweden became NATO's 32nd member on Thursday.\n"
        "The flag was raised in Brussels on Monday.\nWhat happens next for the alliance\n"
        "Sweden will take part in its first summit in July.",
        "Sweden joins NATO",
        None,
        5,
        id="short-paragraphs",  # no long prose line: nothing is dropped, nothing is joined
    ),
]


@pytest.mark.parametrize("raw, title, published, paragraphs", PAGES)
def test_pages(raw, title, published, paragraphs):
    cleaned = clean(raw)
    assert cleaned.title == title
    assert cleaned.published == published
    lines = cleaned.text.splitlines()
    assert lines[0] == title
    assert len(lines) == paragraphs
    for line in lines:  # nothing left that the classifier calls chrome
        assert not is_chrome(line), line


# --- normalisation -----------------------------------------------------------

NORMALISATION = [
    pytest.param("NATO\u00a0allies\u202fmet  in   Brussels.", "NATO allies met in Brussels.", id="odd-spaces"),
    pytest.param("NA\u200bTO allies met\u00ad in Brussels.", "NATO allies met in Brussels.", id="zero-width"),
    pytest.param("Pe\u0301rez met Rutte.", "Pérez met Rutte.", id="nfc"),
    pytest.param(
        "Allies met in Brussels.\r\n\r\nThey agreed on a plan.\rThey will meet in June.",
        "Allies met in Brussels.\nThey agreed on a plan.\nThey will meet in June.",
        id="crlf",
    ),
    pytest.param("  Leading and trailing.  \n\n\n\t", "Leading and trailing.", id="strip"),
    pytest.param("Rutte &amp; Melo met&nbsp;in Lisbon.", "Rutte & Melo met in Lisbon.", id="entities"),
    # Unprintable characters that are not odd ones stay; the odd ones beside them still go.
    pytest.param("Rutte met \u200eMelo\u00a0in Lisbon.", "Rutte met \u200eMelo in Lisbon.", id="mark-kept-nbsp-replaced"),
    pytest.param("The 👩\u200d💻 team met in Lisbon.", "The 👩\u200d💻 team met in Lisbon.", id="zero-width-joiner-kept"),
    pytest.param(
        "Allies met in Brussels on Monday.\u2028They agreed on new targets.\u0085Ministers meet again in June.",
        "Allies met in Brussels on Monday.\nThey agreed on new targets.\nMinisters meet again in June.",
        id="unicode-line-breaks",
    ),
    pytest.param(
        "The allies agreed on a new plan for the eastern flank and\nsaid they would meet again in June.",
        "The allies agreed on a new plan for the eastern flank and said they would meet again in June.",
        id="soft-line-break",  # a line continued in lower case belongs to the paragraph above
    ),
    pytest.param(
        "NATO defence ministers met in Brussels on Thursday to discuss the\n"
        "alliance's new capability targets. Officials said the targets would\n"
        "require most allies to increase spending on air defence, long-range\n"
        "Missiles and drones. The ministers will meet again in June.\n"
        "\n"
        "Germany said it would present its plan in the autumn.\n",
        "NATO defence ministers met in Brussels on Thursday to discuss the alliance's new capability targets. "
        "Officials said the targets would require most allies to increase spending on air defence, long-range "
        "Missiles and drones. The ministers will meet again in June.\n"
        "Germany said it would present its plan in the autumn.",
        id="hard-wrapped",  # fixed-width text: lines that reach the margin continue
    ),
    pytest.param(
        "Allies listed three priorities for the summit in a statement issued after the meeting\n"
        "1. more air defence\n2. more ammunition",
        "Allies listed three priorities for the summit in a statement issued after the meeting\n"
        "1. more air defence\n2. more ammunition",
        id="numbered-list-not-joined",
    ),
    pytest.param(
        "NATO allies agree to boost air defence production after talks\n"
        "Pentagon approves $1.2 billion sale of missiles to Poland\n"
        "Finland opens first NATO land forces command in Mikkeli\n"
        "Sweden's first year as a member of the alliance in review",
        "NATO allies agree to boost air defence production after talks\n"
        "Pentagon approves $1.2 billion sale of missiles to Poland\n"
        "Finland opens first NATO land forces command in Mikkeli\n"
        "Sweden's first year as a member of the alliance in review",
        id="headline-list-not-joined",  # lines of similar length, but none goes on in lower case
    ),
]


@pytest.mark.parametrize("raw, expected", NORMALISATION)
def test_normalisation(raw, expected):
    assert clean(raw).text == expected


# Every odd character the cleaner knows, between two words: a space, nothing or a line break.
_ODD = (
    [(chr(c), " ") for c in [0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x180E, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]]
    + [(chr(c), "") for c in [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F, 0xAD, 0x200B, 0x2060, 0xFEFF]]
    + [(chr(c), "\n") for c in [0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]]
)


@pytest.mark.parametrize("char, becomes", [pytest.param(c, b, id=f"U+{ord(c):04X}") for c, b in _ODD])
def test_every_odd_character_is_normalised(char, becomes):
    raw = f"Allies met in Brussels on Monday.{char}They agreed on new targets for air defence."
    assert clean(raw).text == f"Allies met in Brussels on Monday.{becomes}They agreed on new targets for air defence."


# --- title -------------------------------------------------------------------

TITLES = [
    pytest.param(
        "Turkey lifts veto on Sweden's membership\n"
        "Turkey's parliament approved Sweden's bid to join NATO on Tuesday, ending months of delay and talks.",
        "Turkey lifts veto on Sweden's membership",
        id="headline",
    ),
    pytest.param(
        "Is NATO ready for a long war?\n"
        "Allied commanders warned on Monday that stocks of ammunition were far below what a long war needs.",
        "Is NATO ready for a long war?",
        id="question-headline",
    ),
    pytest.param(
        "Sign up for our newsletter\nNATO chief urges allies to spend more\n"
        "NATO's secretary general urged allies on Thursday to raise defence spending well above two percent.",
        "NATO chief urges allies to spend more",
        id="chrome-before-headline",
    ),
    pytest.param(
        "The allies agreed on a plan. They will meet again in June, officials said after the talks ended.",
        "The allies agreed on a plan.",
        id="first-sentence",
    ),
    pytest.param("Only chrome here\n", "Only chrome here", id="single-line"),
    pytest.param("Share\nLog in\nAccept all cookies", "", id="nothing-left"),
    pytest.param("", "", id="empty"),
]


@pytest.mark.parametrize("raw, expected", TITLES)
def test_title(raw, expected):
    assert clean(raw).title == expected


def test_long_title_is_cut_at_a_word_boundary():
    words = " ".join(f"word{i}" for i in range(80))
    title = clean(words + ".").title
    assert len(title) <= 200
    assert title.endswith("…")
    assert title[:-1].split(" ")[-1].startswith("word")  # a whole word before the ellipsis
    assert words.startswith(title[:-1])


# --- dateline ----------------------------------------------------------------

DATELINES = [
    pytest.param("24 May. 2017 - NATO Secretary General Jens Stoltenberg met allies.", dt.date(2017, 5, 24), id="nato-style"),
    pytest.param("Published: 8 January 2026\nNATO allies met.", dt.date(2026, 1, 8), id="published"),
    pytest.param("Jan 8, 2026", dt.date(2026, 1, 8), id="mdy"),
    pytest.param("Updated 2026-01-08", dt.date(2026, 1, 8), id="iso-updated"),
    pytest.param("8 January 2026 | Defence", dt.date(2026, 1, 8), id="date-pipe"),
    pytest.param("BRUSSELS, 8 January 2026 - NATO allies agreed.", dt.date(2026, 1, 8), id="city"),
    pytest.param("Brussels, Belgium, Jan. 8, 2026 — NATO allies agreed.", dt.date(2026, 1, 8), id="city-country"),
    pytest.param("Monday, January 8, 2026", dt.date(2026, 1, 8), id="weekday"),
    pytest.param("Thursday 8 January 2026 14.05 GMT", dt.date(2026, 1, 8), id="guardian-stamp"),
    pytest.param("By John Smith | Published Jan. 8, 2026 10:15 GMT", dt.date(2026, 1, 8), id="byline-published"),
    pytest.param("By Jane Doe · 8 January 2026", dt.date(2026, 1, 8), id="byline-date"),
    pytest.param("Updated 9 Jan 2026\nPublished 8 Jan 2026", dt.date(2026, 1, 8), id="published-wins"),
    pytest.param("Headline here\nBy Jane Doe\n8th January 2026\nBody.", dt.date(2026, 1, 8), id="third-line"),
    pytest.param("13/04/2026", dt.date(2026, 4, 13), id="dmy-slash"),
    pytest.param("08.01.2026 - Allies met.", dt.date(2026, 1, 8), id="dmy-dots"),
    # no dateline
    pytest.param("LONDON, Jan 8 (Reuters) - NATO allies agreed.", None, id="reuters-no-year"),
    pytest.param("03/04/2026", None, id="ambiguous-slash"),  # 3 April or March 4: never guess
    pytest.param("NATO summit to open on 8 July 2026", None, id="date-in-headline"),
    pytest.param("On 8 January 2026, NATO said it would act.", None, id="date-in-sentence"),
    pytest.param("Last updated 3 hours ago", None, id="relative"),
    pytest.param("31 February 2026 -", None, id="impossible-date"),
    pytest.param("a\nb\nc\nd\ne\nf\ng\nPublished: 8 January 2026", None, id="too-far-down"),
    pytest.param("", None, id="empty"),
]


@pytest.mark.parametrize("text, expected", DATELINES)
def test_find_dateline(text, expected):
    assert find_dateline(text) == expected


def test_clean_reads_the_dateline_and_drops_the_stamp():
    raw = (
        "Skip to main content\nAccept all cookies\nNATO chief urges allies to spend more\n"
        "By Jane Doe\nPublished: 8 January 2026\nShare\n"
        "NATO's secretary general urged allies on Thursday to raise defence spending well above two percent."
    )
    cleaned = clean(raw)
    assert cleaned.published == dt.date(2026, 1, 8)
    assert "Published" not in cleaned.text and "Jane Doe" not in cleaned.text
    assert cleaned.title == "NATO chief urges allies to spend more"


def test_clean_reads_a_dateline_opening_the_first_paragraph():
    raw = "BRUSSELS, 8 January 2026 - NATO defence ministers agreed on Thursday to raise capability targets."
    assert clean(raw).published == dt.date(2026, 1, 8)
    assert clean(raw).text == raw  # the paragraph itself is article text


def test_clean_ignores_dates_in_account_dialogs():
    raw = (
        "Cookie policy updated 1 January 2024. We use cookies on this site.\nAccept all cookies\n"
        "NATO's secretary general urged allies on Thursday to raise defence spending well above two percent."
    )
    assert clean(raw).published is None


# --- the data file -----------------------------------------------------------


def _patterns():
    for section in ("line", "prefix", "phrase", "cased", "credit_tails"):
        for kind, patterns in DATA[section].items():
            for pattern in patterns:
                yield section, kind, pattern
    for pattern in DATA["follow_headers"]:
        yield "follow_headers", "navigation", pattern


def test_patterns_compile_without_capturing_groups():
    for section, kind, pattern in _patterns():
        assert re.compile(pattern).groups == 0, (section, kind, pattern)


def test_case_insensitive_patterns_are_lower_case():
    # they run on the lower-cased line
    for section, kind, pattern in _patterns():
        if section not in ("cased", "credit_tails"):
            literal = re.sub(r"\\.", "", pattern)  # escapes such as \b \S are not letters
            assert literal == literal.lower(), (section, kind, pattern)


def test_every_phrase_has_a_trigger_word():
    # phrases are only tried on lines holding one of the trigger words they contain
    for kind, patterns in DATA["phrase"].items():
        for pattern in patterns:
            assert any(word in pattern for word in DATA["phrase_triggers"]), (kind, pattern)


def test_header_kinds_are_kinds():
    kinds = {kind for section in ("line", "prefix", "phrase", "cased") for kind in DATA[section]} | {"credit"}
    assert set(DATA["header_kinds"]) <= kinds


# --- output shape and properties ---------------------------------------------


def _assert_clean_shape(cleaned: Cleaned) -> None:
    assert isinstance(cleaned.text, str) and isinstance(cleaned.title, str)
    assert unicodedata.is_normalized("NFC", cleaned.text)
    for line in cleaned.text.split("\n") if cleaned.text else []:
        assert line and line == line.strip()
        assert "  " not in line
        assert not re.search(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r\ufeff]", line)
    assert len(cleaned.title) <= 200
    assert "\n" not in cleaned.title


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_output_shape(path):
    _assert_clean_shape(clean(path.read_text(encoding="utf-8")))


_PIECES = [p.values[0] for p in CHROME + NOT_CHROME] + [
    "",
    "\n",
    "\n\n",
    "\u00a0",
    "Published: 8 January 2026",
    "LONDON, Jan 8 (Reuters) -",
    "NATO",
    "Related",
]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_is_cleaned_deterministically(raw):
    first = clean(raw)
    assert clean(raw) == first
    _assert_clean_shape(first)
    assert find_dateline(raw) == find_dateline(raw)
    assert is_chrome(raw) == is_chrome(raw)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.sampled_from(["\n", "\n\n", " ", "\r\n"]))
def test_vocabulary_documents_are_cleaned_deterministically(pieces, separator):
    raw = separator.join(pieces)
    first = clean(raw)
    assert clean(raw) == first
    _assert_clean_shape(first)
    # the text keeps only lines of the input, and the title is never a chrome line
    assert not (first.title and is_chrome(first.title) and first.title in _CHROME_LINES)


_CHROME_LINES = {p.values[0] for p in CHROME}


ADVERSARIAL = [
    pytest.param("11.11." * 40 + " x", id="dotted-numbers"),
    pytest.param("11:11 " * 12 + "x", id="times"),
    pytest.param("By " + "Aa " * 45 + "x", id="long-byline"),
    pytest.param("By " + "Aa, " * 30 + "x", id="byline-commas"),
    pytest.param("Aa Bb " + "is the " + "big " * 30 + "x", id="author-bio-shape"),
    pytest.param("home > " * 20 + "x", id="breadcrumbs"),
    pytest.param("(" * 500 + "photo:", id="parentheses"),
    pytest.param("A, " * 200 + "8 January 2026 -", id="city-dateline-shape"),
    pytest.param("a" * 100_000, id="one-huge-line"),
    pytest.param("Share\n" * 5000, id="many-lines"),
]


@pytest.mark.parametrize("raw", ADVERSARIAL)
def test_no_catastrophic_backtracking(raw):
    # Regexes run on every line of every document: none may explode on odd input.
    started = time.perf_counter()
    clean(raw)
    is_chrome(raw)
    find_dateline(raw)
    assert time.perf_counter() - started < 1.0
