"""The words people at a conference use for the same help: a need asked with one word also
finds an offer written with another of its ring ("a UX person" finds "product designer",
"k8s" finds "Kubernetes"). Written from the trade's vocabulary and the themes a
conference meets, not from the texts of the labelled set that measures it;
stemming already joins a word's forms (design, designs, designing), so a ring names each
family once. Folded as the query folds: lower case, accents kept (the stores fold them)."""

from __future__ import annotations

RINGS = """
design designer ux ui usability interface wireframe figma
fundraising fundraise raise funding investor invest vc venture capital angel seed backer
hire hiring recruit recruiter talent candidate headhunter
engineer developer programmer coder dev
kubernetes k8s docker container devops cloud aws gcp azure infrastructure infra sre terraform
ml ai machine learning data science scientist analytics llm nlp
sales lead prospect customer client buyer distributor reseller pipeline gtm
legal lawyer attorney counsel contract gdpr privacy compliance agreement trademark patent
pr press media journalist reporter coverage publicity article
mentor mentoring mentorship coach coaching advisor advice guidance
speaking speaker talk keynote presentation pitch stage
accessibility a11y accessible wcag disability inclusive
translation translate translator localisation localization l10n i18n
grant proposal foundation philanthropy nonprofit charity
venue space room hall location meetup
podcast guest episode interview
cofounder co founder cto
hardware manufacturing manufacturer factory pcb electronics production supplier
marketing growth seo advertising ads brand branding campaign
copywriting copywriter copy writer writing editor editing blog
security cybersecurity pentest penetration vulnerability infosec soc2
mobile ios android app flutter swift kotlin
frontend front backend web website react javascript
accounting accountant bookkeeping bookkeeper tax cfo payroll invoice
video videographer filming film photographer photography photo
community moderator discord slack forum
volunteer volunteering
esg sustainability climate carbon emissions footprint net zero
expansion international overseas abroad usa america american global entry
wellbeing burnout wellness mental health stress therapist therapy resilience
sponsor sponsorship exhibitor booth partnership
dach germany german austria austrian swiss switzerland berlin munich vienna zürich zurich
ecommerce commerce shop shopify store retail checkout marketplace
medtech medical fda mdr regulatory clinical certification approval
government public sector procurement tender municipality council agency
product pm roadmap discovery prioritisation prioritization backlog
board trustee governance nonprofit
impact measurement metrics outcome evaluation sroi
edtech school teacher classroom education student pupil
logo identity visual typography brand
pricing price tier plan monetisation monetization subscription
support helpdesk zendesk service cx
logistics fulfilment fulfillment warehouse shipping delivery courier 3pl
ads ppc adwords paid sem
nocode automation automate workflow zapier airtable
qa testing tester selenium playwright cypress bug
database postgres postgresql mysql sql query index indexing slow
visa immigration relocation relocate permit
payments payment billing stripe checkout
game gamedev unity unreal indie
headshot portrait photographer photo
oss maintainer contributor github licence license
"""


def rings() -> dict[str, frozenset[str]]:
    """Each word of a ring, and the words of its rings (a word may be in more than one)."""
    found: dict[str, set[str]] = {}
    for line in RINGS.strip().splitlines():
        ring = set(line.split())
        for word in ring:
            found.setdefault(word, set()).update(ring)
    return {word: frozenset(ring) for word, ring in found.items()}
