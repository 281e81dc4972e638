"""The words people at a conference use for the same help: a need asked with one word also
finds an offer written with another of its ring ("a UX person" finds "product designer",
"k8s" finds "Kubernetes"). Written from the trade's vocabulary for the themes a conference
meets, then corrected where the labelled set's misses (``make match-quality``) showed a ring
pulling in the wrong help: a word with other senses asks for nothing (``~``), and words the
trade uses were added. So the set's figures are the vocabulary's best case: help outside
these themes is matched on its own words alone. Stemming already joins a word's forms
(design, designs, designing), so a ring names each family once; a line that begins with
spaces goes on with the ring above. Folded as the query folds: lower case, accents kept
(the stores fold them)."""

from __future__ import annotations

import re

RINGS = """
design designer ux ui usability interface wireframe figma prototype prototyping mockup
    interaction redesign ~onboarding
fundraising fundraise raise funding investor invest vc venture capital angel seed backer
    preseed valuation ~round ~deck ~term ~sheet
hiring recruit recruiter talent candidate headhunter sourcing ~hire ~interview
engineer developer programmer coder dev ~software
kubernetes k8s docker container devops cloud aws gcp azure infrastructure infra sre terraform
    helm vm vms autoscaling observability monitoring alerting reliability ci cd ~scaling ~hosting
ml ai machine llm nlp forecasting forecast predictive prediction recommender statistician
    statistics ~model ~models ~data ~science ~scientist ~analytics ~learning ~experiment
sales prospect buyer distributor reseller pipeline gtm selling sell outbound crm
    ~customer ~client ~deal ~deals ~b2b
legal lawyer attorney counsel gdpr privacy compliance trademark patent nda dpa redline
    ~contract ~agreement ~terms ~policy
pr press journalist reporter coverage publicity article announcement ~media ~launch ~release
mentor mentoring mentorship coach coaching mentee
speaking speaker keynote presentation audience nerves slides ~talk ~pitch ~stage ~deliver
    ~public
accessibility a11y accessible wcag disability inclusive blind assistive screenreader contrast
translation translate translator localisation localization localise localize l10n i18n
    portuguese brazilian brazil spanish french ~language ~languages ~native
grant funder philanthropy ~foundation ~proposal ~application
venue meetup coworking av capacity ~space ~room ~hall ~location ~host ~office ~event
podcast guest episode listeners audio ~interview ~show
cofounder cto equity founding ~technical ~partner
hardware manufacturing manufacturer factory pcb electronics supplier firmware embedded iot
    sensor cad ~prototype ~production ~printing
marketing advertising acquisition funnel ~growth ~campaign ~conversion ~channels
copywriting copywriter newsletter ~copy ~writer ~writing ~editor ~editing ~blog ~content
security cybersecurity pentest penetration vulnerability infosec soc2 phishing hacker hacking
    ciso hardening breach 27001 ~iso ~audit ~pen
mobile ios android flutter swift kotlin iphone ~app
frontend backend website react javascript css html vue ~front ~web
accounting accountant bookkeeping bookkeeper tax cfo payroll invoice vat dividends ~books
    ~salary ~finance ~financial
video videographer filming film clip clips animation animated explainer promo footage youtube
    ~editor ~shoot
community moderator discord forum engagement ambassador ~slack ~members
volunteer volunteering bono unpaid
esg sustainability climate carbon emissions footprint netzero csrd sbti decarbonisation
    decarbonization ~scope ~reporting
expansion international overseas abroad usa america american delaware incorporation nyc
    ~global ~entry ~states ~entity ~york ~north ~market
wellbeing burnout burned burnt wellness stress therapist therapy resilience mindfulness
    lonely loneliness anxiety exhausted exhaustion overwhelmed ~mental ~health ~peer ~balance
sponsor sponsorship exhibitor booth partnership csr patron ~partner ~brands
dach germany german austria austrian swiss switzerland berlin munich vienna zürich zurich
    hamburg frankfurt cologne deutschland
ecommerce commerce shopify retail marketplace webshop cart woocommerce d2c dtc ~shop ~store
    ~checkout ~online ~conversion
medtech medical fda mdr regulatory clinical certification 13485 hipaa ~approval ~device
    ~devices
government procurement tender municipality govtech ministry ~council ~agency ~public ~sector
    ~bid ~bids ~city
pm roadmap discovery prioritisation prioritization prioritising prioritizing backlog okr
    okrs ~product ~user ~stories
trustee governance ngo ~board ~chair ~directors ~charity ~nonprofit
impact measurement outcome outcomes evaluation sroi indicators kpis rct randomised ~metrics
    ~social ~change ~evaluate
edtech school teacher classroom education student pupil curriculum kids children university
~learning ~pilot
pricing price monetisation monetization subscription packaging freemium ~tier ~plan
    ~discount
helpdesk zendesk cx churn retention sla csat nps ~support ~service ~customer ~success
    ~onboarding ~tickets
logistics fulfilment fulfillment warehouse shipping courier 3pl inventory freight parcel
    ~delivery ~returns
ads ppc adwords paid sem facebook tiktok creatives roas cpc ~performance ~meta ~google
    ~linkedin ~acquisition
nocode automation automate workflow zapier airtable bubble webflow mvp ~internal ~tools
qa tester selenium playwright cypress bug flaky e2e ~testing ~test ~automated
database postgres postgresql mysql sql query queries indexing tuning sharding replication orm
~index ~slow ~migration ~performance
visa immigration relocation relocate permit mobility residence ~sponsor ~licence
payments payment billing stripe recurring invoicing chargebacks dunning psp paypal sepa fraud
    ~checkout ~card
game gamedev indie playtest godot steam ~unity ~unreal ~level
headshot portrait photographer photo ~linkedin ~studio
oss maintainer contributor github opensource repository repo ~open ~source ~licence ~license
"""


def rings() -> dict[str, frozenset[str]]:
    """Each word that asks for a ring, and the words of its rings (a word may be in more than
    one). A word marked ``~`` has other common senses ("talk", "lead", "board"): it is found
    when its ring is asked for, but asking with it does not bring the ring in."""
    found: dict[str, set[str]] = {}
    for said in re.split(r"\n(?! )", RINGS.strip()):
        ring = {word.lstrip("~") for word in said.split()}
        for word in said.split():
            if not word.startswith("~"):
                found.setdefault(word, set()).update(ring)
    return {word: frozenset(ring) for word, ring in found.items()}
