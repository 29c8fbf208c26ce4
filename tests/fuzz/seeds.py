"""Small seed files in the layout of each source, for the fuzz harness.

The values are synthetic (made up for the tests, not data); only the layouts
follow the real files, so that mutations reach deep into each parser.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

WDI_BULK = (
    '\ufeff"Data Source","World Development Indicators",\n\n'
    '"Last Updated Date","2026-02-24",\n\n'
    '"Country Name","Country Code","Indicator Name","Indicator Code","2021","2022",\n'
    '"Kenya","KEN","GDP per capita, PPP","NY.GDP.PCAP.PP.CD","5000.5","",\n'
    '"World","WLD","GDP per capita, PPP","NY.GDP.PCAP.PP.CD","19000","20000",\n'
).encode()

WDI_META = (
    '\ufeff"Country Code","Region","IncomeGroup","SpecialNotes","TableName",\n'
    '"KEN","Sub-Saharan Africa","Lower middle income","","Kenya",\n'
    '"IDA","","","","IDA only",\n'
).encode()

PPP = b"Country,Country ID,Year,PPP\nKenya,KE,2021,40.1\nNamibia,NA,2021,7.5\nX,XX,2022,\n"

ILO_MW = (
    b"country,iso3,minimum_wage_monthly_local,currency_code,year_reported\n"
    b'Kenya,KEN,15201.09,KES,2024\nUganda,UGA,,UGX,\nNamibia,NAM,"1,000",NAD,2023\n'
).replace(b'"1,000"', b"1000")

ILO_MW_USD = (
    b"country,iso3,minimum_wage_monthly_usd,exchange_rate_used,exchange_rate_year\n"
    b"Kenya,KEN,117.9,128.9,2024\nUganda,UGA,,,\n"
)

ILO_EARN = (
    b"country,source,sex,area_type,currency_info,year,earnings_ppp,obs_status\n"
    b"Kenya,LFS,Total,National,2021 PPP $,2019,512.3,\n"
    b"Kenya,LFS,Female,National,2021 PPP $,2019,450.0,B\n"
)

FED = (
    b"Date,Country,Exchange rate\n2020-01-01,Euro,1.14\n2020-01-01,Japan,106.7\n2021-01-01,India,\n"
)

GOLD = (
    "Answers for the pilot\n\n"
    + "".join(
        f"{i}:        Breed_{i}  {i + 100}\n"
        + ("(Please insert question for cat_1 image here)\n" if i == 10 else "")
        for i in range(1, 49)
    )
).encode()

DOL_HTML = (
    b'<html><body><table class="minwage"><thead><tr><th>State or other<br/>jurisdiction</th>'
    b"<th>2023</th><th>2024 (c)</th></tr></thead><tbody>"
    b'<tr class="federal"><td>Federal (FLSA)</td><td>$7.25</td><td><strong>$7.25</strong></td></tr>'
    b"<tr><td>Atlantis</td><td>...</td><td>18.72 - 26.40/wk(b)</td></tr>"
    b"<tr><td>Utopia</td><td>$1.15 &amp; $1.60</td><td>4..65(g,,j)</td></tr>"
    b"</tbody></table></body></html>"
)


def _capsule(i: int, title: str, reward: str, allotted: str) -> str:
    def field(label: str, value: str) -> str:
        return (
            f'<tr><td class="capsule_field_title"><a id="f.tooltip--{i}">{label}:&nbsp;</a></td>'
            f'<td class="capsule_field_text">{value}</td></tr>'
        )

    return (
        f'<a class="capsulelink" href="#" id="capsule{i}-0">{title}</a><table>'
        + field("Requester", "Some Requester")
        + field("HIT Expiration Date", "Jul 24, 2011&nbsp;(4 weeks)")
        + field("Time Allotted", allotted)
        + field("Reward", reward)
        + field("HITs Available", "1,204")
        + "</table>"
    )


MTURK_HTML = (
    '<html><body><a href="/x?state=K0lVUFZGaFNERm12UVBub0IxZEF0MzZwS29zPTIwMTAxMTEyMDMxMlVzZXIudHVya1NlY3VyZX50cnVlJQ--">x</a>'
    '<b style="display:block">180,436 HITs</b> available now'
    + _capsule(0, "Tag one image", "$0.05", "30 minutes")
    + _capsule(1, "Transcribe a receipt", "$1.00", "1 hour 30 minutes")
    + "</body></html>"
).encode()

LONG_LABELS = b"task,worker,label\nt1,w1,yes\nt1,w2,no\nt2,w1,yes\n"


def parquet_seed() -> bytes:
    """A valid Parquet file of the ``platform_scores``-like shape (two text columns)."""
    buf = io.BytesIO()
    pd.DataFrame({"platform": ["A", "B"], "score": [1.0, 2.0]}).to_parquet(buf, index=False)
    return buf.getvalue()


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
