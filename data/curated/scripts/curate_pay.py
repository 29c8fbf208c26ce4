"""Rebuild data/curated/pay_observations.csv, platform_scores.csv and platforms.csv
from the project's fact sheet of published pay figures.

Every value below is transcribed from one fact row (named by `fact_id`); the script
checks that each number appears in that row's own value text, and takes title,
author, URL and verification from the fact row. Facts that are not pay (shares of
workers, headcounts, living-wage estimates, a minimum-wage benchmark) are listed in
EXCLUDED with the reason. Run from the repository root:

    python data/curated/scripts/curate_pay.py ../shared/facts/published_pay_figures.csv
"""

import re
import sys

import pandas as pd

# fact_id -> one or more observations. Keys: value_low, value_high (as text, exactly as in
# the fact), currency, unit, basis, platform, client, country_iso3, period, year,
# measure, sample_size, is_approximate, hours_per_unit_stated, publisher,
# publication_date, source_type, verification (ailabor's level), notes.
OBS = {
    ("sama_kenya_low", "sama_kenya_high"): [
        dict(
            obs_id="sama_kenya_take_home",
            value_low="1.32",
            value_high="2.00",
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="Sama",
            client="OpenAI",
            country_iso3="KEN",
            period="2021-2022",
            year=2022,
            measure="take-home wage of data labellers, by seniority and performance",
            publisher="TIME",
            publication_date="2023-01-18",
            source_type="investigative journalism",
            verification="secondary",
            notes="upper bound seen in TIME's article; lower bound seen in a report quoting TIME (both URLs kept)",
        )
    ],
    ("sama_contract_rate",): [
        dict(
            obs_id="sama_openai_billing_rate",
            value_low="12.50",
            currency="USD",
            unit="hour",
            basis="client billing rate",
            platform="Sama",
            client="OpenAI",
            country_iso3="KEN",
            period="2021-2022",
            year=2022,
            measure="hourly rate OpenAI paid Sama per labeller",
            publisher="TIME (via summaries)",
            publication_date="2023-01-18",
            source_type="investigative journalism",
            verification="secondary",
        )
    ],
    ("sama_monthly_claim",): [
        dict(
            obs_id="sama_monthly_company_statement",
            value_low="26600",
            value_high="40000",
            currency="KES",
            unit="month",
            basis="company-stated",
            platform="Sama",
            client="OpenAI",
            country_iso3="KEN",
            period="2023",
            year=2023,
            measure="monthly pay of labellers as stated by Sama to Quartz (Quartz gives USD 210-323)",
            publisher="Quartz",
            publication_date="2023-01",
            source_type="company statement",
            verification="secondary",
        )
    ],
    ("hara_median",): [
        dict(
            obs_id="hara_mturk_median",
            value_low="1.77",
            currency="USD",
            unit="hour",
            basis="median",
            platform="Amazon Mechanical Turk",
            country_iso3="MULTI",
            period="2014-2017",
            year=2017,
            measure="median hourly wage including unpaid work (abstract: about $2/h)",
            sample_size="2676 workers; 3.8 million tasks",
            publisher="CHI 2018 (ACM)",
            publication_date="2018",
            source_type="academic study",
            verification="secondary",
            notes="1.77 seen in third-party reading notes; the abstract gives about $2",
        )
    ],
    ("hara_mean",): [
        dict(
            obs_id="hara_mturk_mean",
            value_low="3.13",
            currency="USD",
            unit="hour",
            basis="mean",
            platform="Amazon Mechanical Turk",
            country_iso3="MULTI",
            period="2014-2017",
            year=2017,
            measure="mean hourly wage including unpaid work",
            sample_size="2676 workers; 3.8 million tasks",
            publisher="CHI 2018 (ACM)",
            publication_date="2018",
            source_type="academic study",
            verification="secondary",
        )
    ],
    ("hara_excl_unpaid",): [
        dict(
            obs_id="hara_mturk_mean_paid_only",
            value_low="6.19",
            currency="USD",
            unit="hour",
            basis="mean",
            platform="Amazon Mechanical Turk",
            country_iso3="MULTI",
            period="2014-2017",
            year=2017,
            measure="mean hourly wage excluding unpaid work",
            publisher="CHI 2018 (ACM)",
            publication_date="2018",
            source_type="academic study",
            verification="secondary",
        ),
        dict(
            obs_id="hara_mturk_median_paid_only",
            value_low="3.18",
            currency="USD",
            unit="hour",
            basis="median",
            platform="Amazon Mechanical Turk",
            country_iso3="MULTI",
            period="2014-2017",
            year=2017,
            measure="median hourly wage excluding unpaid work",
            publisher="CHI 2018 (ACM)",
            publication_date="2018",
            source_type="academic study",
            verification="secondary",
        ),
    ],
    ("hara_requester_avg",): [
        dict(
            obs_id="hara_mturk_requester_mean",
            value_low="11.58",
            currency="USD",
            unit="hour",
            basis="mean",
            platform="Amazon Mechanical Turk",
            country_iso3="MULTI",
            period="2014-2017",
            year=2017,
            measure="average pay rate offered by requesters",
            publisher="CHI 2018 (ACM)",
            publication_date="2018",
            source_type="academic study",
            verification="secondary",
        ),
        dict(
            obs_id="hara_mturk_requester_median",
            value_low="4.57",
            currency="USD",
            unit="hour",
            basis="median",
            platform="Amazon Mechanical Turk",
            country_iso3="MULTI",
            period="2014-2017",
            year=2017,
            measure="median pay rate offered by requesters",
            publisher="CHI 2018 (ACM)",
            publication_date="2018",
            source_type="academic study",
            verification="secondary",
        ),
    ],
    ("ilo2018_avg",): [
        dict(
            obs_id="ilo2018_microtask_mean",
            value_low="4.43",
            currency="USD",
            unit="hour",
            basis="mean",
            platform="5 microtask platforms (AMT, CrowdFlower, Clickworker, Prolific, Microworkers)",
            country_iso3="MULTI",
            period="2017",
            year=2017,
            measure="average hourly earnings, paid work only (75 countries)",
            publisher="International Labour Organization",
            publication_date="2018",
            source_type="international organisation",
            verification="secondary",
        )
    ],
    ("ilo2021_half_below_2",): [
        dict(
            obs_id="ilo2021_half_below",
            value_high="2",
            currency="USD",
            unit="hour",
            basis="median",
            platform="online web-based platforms",
            country_iso3="GLOBAL",
            period="2019-2020",
            year=2020,
            measure="half of online web-based platform workers earn less than this",
            publisher="International Labour Organization",
            publication_date="2021",
            source_type="international organisation",
            verification="secondary",
            notes="press release seen as reprinted by a news site",
        )
    ],
    ("remotasks_kenya_early",): [
        dict(
            obs_id="remotasks_kenya_early",
            value_low="5",
            value_high="10",
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="Remotasks",
            client="",
            country_iso3="KEN",
            period="2019-2022",
            year=2021,
            measure="average pay when Remotasks arrived, as told by annotators",
            publisher="The Verge / New York Magazine",
            publication_date="2023-06",
            source_type="investigative journalism",
            verification="primary",
        )
    ],
    ("remotasks_kenya_2023",): [
        dict(
            obs_id="remotasks_kenya_2023",
            value_low="1",
            value_high="3",
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="Remotasks",
            country_iso3="KEN",
            period="early 2023",
            year=2023,
            measure="pay of interviewed annotators",
            publisher="The Verge / New York Magazine",
            publication_date="2023-06",
            source_type="investigative journalism",
            verification="primary",
        )
    ],
    ("remotasks_us",): [
        dict(
            obs_id="remotasks_us_2023",
            value_low="10",
            value_high="25",
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="Remotasks",
            country_iso3="USA",
            period="2023",
            year=2023,
            measure="typical US annotator pay",
            publisher="The Verge / New York Magazine",
            publication_date="2023-06",
            source_type="investigative journalism",
            verification="primary",
        )
    ],
    ("openai_us_contractors",): [
        dict(
            obs_id="openai_us_contractors",
            value_low="15",
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="OpenAI US contractors",
            client="OpenAI",
            country_iso3="USA",
            period="2023",
            year=2023,
            measure="data-labelling pay of US contractors",
            publisher="NBC News (via Gizmodo)",
            publication_date="2023",
            source_type="news report",
            verification="secondary",
        )
    ],
    ("appen_raters_2023",): [
        dict(
            obs_id="appen_raters_before_raise",
            value_low="10",
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="Appen (RaterLabs)",
            client="Google",
            country_iso3="USA",
            period="2022",
            year=2022,
            measure="rater pay before the AWU-CWA campaign",
            publisher="Computer Weekly",
            publication_date="2023-01-13",
            source_type="news report",
            verification="primary",
        ),
        dict(
            obs_id="appen_raters_jan2023",
            value_low="14",
            value_high="14.50",
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="Appen (RaterLabs)",
            client="Google",
            country_iso3="USA",
            period="2023-01",
            year=2023,
            measure="rater pay after the AWU-CWA campaign",
            publisher="Computer Weekly",
            publication_date="2023-01-13",
            source_type="news report",
            verification="primary",
        ),
    ],
    ("appen_raters_15",): [
        dict(
            obs_id="appen_raters_feb2023",
            value_low="15",
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="Appen",
            client="Google",
            country_iso3="USA",
            period="2023",
            year=2023,
            measure="second raise",
            publisher="Bloomberg (via Spokesman-Review)",
            publication_date="2023-02-27",
            source_type="news report",
            verification="primary",
        )
    ],
    ("prolific_min",): [
        dict(
            obs_id="prolific_minimum",
            value_low="6",
            currency="GBP",
            unit="hour",
            basis="platform minimum",
            platform="Prolific",
            country_iso3="GLOBAL",
            period="2023-2024",
            year=2023,
            measure="enforced minimum reward (also stated as USD 8)",
            publisher="Prolific",
            publication_date="2023",
            source_type="platform documentation",
            verification="primary",
        )
    ],
    ("prolific_recommended",): [
        dict(
            obs_id="prolific_recommended",
            value_low="9",
            currency="GBP",
            unit="hour",
            basis="platform recommended",
            platform="Prolific",
            country_iso3="GLOBAL",
            period="2023-2024",
            year=2023,
            measure="recommended reward (also stated as USD 12)",
            publisher="Prolific",
            publication_date="2023",
            source_type="platform documentation",
            verification="primary",
        )
    ],
    ("prolific_avg",): [
        dict(
            obs_id="prolific_average_2023",
            value_low="12",
            currency="GBP",
            unit="hour",
            basis="mean",
            platform="Prolific",
            country_iso3="GLOBAL",
            period="2023 (year to September)",
            year=2023,
            measure="average real pay (also stated as USD 15)",
            publisher="Prolific",
            publication_date="2023",
            source_type="platform documentation",
            verification="primary",
        )
    ],
    ("dataannotation_rate",): [
        dict(
            obs_id="dataannotation_advertised",
            value_low="20",
            currency="USD",
            unit="hour",
            basis="advertised",
            platform="DataAnnotation.tech",
            country_iso3="MULTI",
            period="2024-2025",
            year=2024,
            measure="advertised starting rate ('20+'; US, UK, CA, IE, AU, NZ)",
            publisher="third-party pages",
            publication_date="2024",
            source_type="third-party site",
            verification="unverified",
            notes="seen only on third-party or affiliate pages, not on the platform's own site",
        ),
        dict(
            obs_id="dataannotation_specialised",
            value_low="20",
            value_high="40",
            currency="USD",
            unit="hour",
            basis="advertised",
            platform="DataAnnotation.tech",
            country_iso3="MULTI",
            period="2024-2025",
            year=2024,
            measure="advertised rate for specialised (e.g. coding) projects",
            publisher="third-party pages",
            publication_date="2024",
            source_type="third-party site",
            verification="unverified",
        ),
    ],
    ("hornuf_meta",): [
        dict(
            obs_id="hornuf_vrankar_microtask",
            value_high="6",
            currency="USD",
            unit="hour",
            basis="mean",
            platform="22 platforms",
            country_iso3="MULTI",
            period="2010-2021",
            year=2021,
            measure="average microtask wage is below this (meta-analysis of 104 wages; freelancers about 3x)",
            publisher="CESifo Working Paper 9540",
            publication_date="2022",
            source_type="academic study",
            verification="primary",
        )
    ],
    ("seed_devto_dollar_hour",): [
        dict(
            obs_id="seed_opinion_dollar_an_hour",
            value_low="1",
            is_approximate=True,
            currency="USD",
            unit="hour",
            basis="take-home",
            platform="outsourced AI data work",
            country_iso3="KEN",
            period="c. 2023",
            year=2023,
            measure="'about a dollar an hour' for African data workers",
            publisher="DEV Community (executeai.software)",
            publication_date="2023",
            source_type="opinion piece",
            verification="secondary",
            notes="opinion piece citing 'a recent investigative report'; not a measurement",
        )
    ],
    ("seed_airtm_expert_hourly",): [
        dict(
            obs_id="seed_airtm_expert_hourly",
            value_low="40",
            currency="USD",
            unit="hour",
            basis="self-reported",
            platform="AI-training projects (unnamed platform)",
            country_iso3="KEN",
            period="2024",
            year=2024,
            measure="one worker's self-reported rate on AI-training projects",
            publisher="Airtm blog",
            publication_date="2024-03-05",
            source_type="company blog",
            verification="self-reported",
            notes="one worker, in a payments company's marketing blog",
        )
    ],
    ("seed_airtm_expert_daily",): [
        dict(
            obs_id="seed_airtm_expert_daily",
            value_low="400",
            currency="USD",
            unit="day",
            hours_per_unit_stated=10,
            basis="self-reported",
            platform="AI-training projects (unnamed platform)",
            country_iso3="KEN",
            period="2024",
            year=2024,
            measure="one worker's self-reported daily earnings at 10 hours a day",
            publisher="Airtm blog",
            publication_date="2024-03-05",
            source_type="company blog",
            verification="self-reported",
        )
    ],
    ("seed_airtm_entry_hourly",): [
        dict(
            obs_id="seed_airtm_entry_hourly",
            value_low="10",
            currency="USD",
            unit="hour",
            basis="self-reported",
            platform="Cloud AI (as named in the source)",
            country_iso3="KEN",
            period="c. 2023",
            year=2023,
            measure="one worker's self-reported rate after moving from labelling to AI training",
            publisher="Airtm blog",
            publication_date="2024-03-05",
            source_type="company blog",
            verification="self-reported",
        )
    ],
}
EXCLUDED = {
    "hara_share_above_min": "a share of workers, not a pay figure",
    "remotasks_ph_minwage": "a minimum-wage benchmark quoted by the article, not pay",
    "fairwork2023_scores": "platform scores (platform_scores.csv)",
    "fairwork2022_scores": "platform scores (platform_scores.csv)",
    "fairwork2021_top": "platform scores (platform_scores.csv)",
    "fairwork2023_remotasks": "platform scores (platform_scores.csv)",
    "fairwork2025_minwage": "a count of platforms, not pay",
    "fairwork2025_survey": "shares of surveyed workers, not pay",
    "fairwork2022_unpaid": "shares and hours of unpaid work, not pay",
    "oli_india_share": "labour-supply shares",
    "oli_bangladesh_share": "labour-supply shares",
    "oli_2017_shares": "labour-supply shares",
    "kassi2021_profiles": "headcounts",
    "wageindicator_kenya_2019": "a living-wage estimate, not pay for data work",
    "toloka_active_2022": "a headcount",
    "seed_airtm_ramp_up": "months without income, not pay",
}
SCORES = {
    "fairwork2023_scores": "secondary",
    "fairwork2022_scores": "primary",
    "fairwork2021_top": "secondary",
    "fairwork2023_remotasks": "secondary",
}
# ailabor's coding of each platform's business model (not a sourced value; see README).
PLATFORMS = {
    "Amazon Mechanical Turk": ("Amazon", "microtask marketplace"),
    "Prolific": ("", "microtask marketplace"),
    "Toloka": ("", "microtask marketplace"),
    "Sama": ("", "managed / impact-sourcing BPO"),
    "Appen": ("", "managed / impact-sourcing BPO"),
    "Appen (RaterLabs)": ("Appen", "managed / impact-sourcing BPO"),
    "Remotasks": ("Scale AI", "managed / impact-sourcing BPO"),
    "DataAnnotation.tech": ("", "expert AI-training"),
    "Upwork": ("", "freelance marketplace"),
    "Fiverr": ("", "freelance marketplace"),
    "Workana": ("", "freelance marketplace"),
    "ComeUp": ("", "freelance marketplace"),
    "Terawork": ("", "freelance marketplace"),
    "Jovoto": ("", "freelance marketplace"),
    "TranscribeMe": ("", "microtask marketplace"),
}
OWNER_SOURCE = {
    "Remotasks": "remotasks_kenya_early (platform 'Remotasks (Scale AI)')",
    "Appen (RaterLabs)": "appen_raters_2023 (platform 'Appen/RaterLabs')",
    "Amazon Mechanical Turk": "shared/html/MANIFEST.md (page content (c) Amazon.com)",
}
VERIFY = {"primary", "secondary", "self-reported", "unverified"}


def resolve_urls(facts):
    urls, last = [], ""
    for u in facts["source_url_seen"]:
        u = u.strip()
        if u.lower().startswith("same") or u == "seen":
            u = last
        urls.append(u)
        last = u or last
    return urls


if __name__ == "__main__":
    facts = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
    facts["url"] = resolve_urls(facts)
    facts = facts.set_index("id")
    covered = {f for ids in OBS for f in ids} | set(EXCLUDED)
    assert covered == set(facts.index), set(facts.index) ^ covered
    rows = []
    for ids, obs_list in OBS.items():
        fr = facts.loc[list(ids)]
        for o in obs_list:
            assert o["verification"] in VERIFY
            text = " ".join(fr["value"])
            for k in ("value_low", "value_high"):
                if o.get(k) is not None:
                    assert re.search(
                        rf"(?<![\d.]){re.escape(o[k])}(?![\d])", text + " " + " ".join(fr["unit"])
                    ), (o["obs_id"], k, text)
            quote = ""
            for v in fr["verification"]:
                m = re.search(r"quote: '(.+)'", v) or re.search(r'seen \("(.+)"\)', v)
                if m:
                    quote = m.group(1)
            rows.append(
                {
                    "obs_id": o["obs_id"],
                    "fact_id": ";".join(ids),
                    "platform": o["platform"],
                    "client": o.get("client", ""),
                    "country_iso3": o["country_iso3"],
                    "period": o["period"],
                    "year": o["year"],
                    "value_low": o.get("value_low", ""),
                    "value_high": o.get("value_high", ""),
                    "is_approximate": str(o.get("is_approximate", False)).lower(),
                    "currency": o["currency"],
                    "unit": o["unit"],
                    "hours_per_unit_stated": o.get("hours_per_unit_stated", ""),
                    "basis": o["basis"],
                    "measure": o["measure"],
                    "sample_size": o.get("sample_size", ""),
                    "source_title": max(fr["source_title"], key=len),
                    "publisher": o["publisher"],
                    "author": "; ".join(a for a in dict.fromkeys(fr["source_author"]) if a),
                    "publication_date": o["publication_date"],
                    "url": " ; ".join(u for u in dict.fromkeys(fr["url"]) if u),
                    "quote": quote,
                    "source_type": o["source_type"],
                    "verification": o["verification"],
                    "fact_sheet_verification": " | ".join(fr["verification"]),
                    "notes": o.get("notes", ""),
                }
            )
    pd.DataFrame(rows).to_csv("data/curated/pay_observations.csv", index=False)
    scores = []
    for fid, ver in SCORES.items():
        f = facts.loc[fid]
        value = f["value"]
        if fid == "fairwork2023_remotasks":
            pairs = [("Remotasks", value)]
        else:
            pairs = re.findall(r"([A-Z][A-Za-z .]+?) (\d+)(?=;|$| \()", value)
        for name, score in pairs:
            scores.append(
                {
                    "platform": name.strip(),
                    "year": int(f["year"]),
                    "fairwork_score": int(score),
                    "score_max": 10,
                    "fact_id": fid,
                    "source_title": f["source_title"],
                    "author": f["source_author"],
                    "url": f["url"],
                    "verification": ver,
                }
            )
    pd.DataFrame(scores).to_csv("data/curated/platform_scores.csv", index=False)
    plat = [
        {
            "platform": p,
            "owner": o,
            "owner_source": OWNER_SOURCE.get(p, ""),
            "business_model": b,
            "business_model_source": "ailabor coding",
        }
        for p, (o, b) in PLATFORMS.items()
    ]
    pd.DataFrame(plat).to_csv("data/curated/platforms.csv", index=False)
    print(
        f"wrote {len(rows)} pay observations, {len(scores)} platform scores, {len(plat)} platforms"
    )
