"""The methodology's catalogue of vendor-selection criteria, in English and Chinese.

Groups and criteria follow the methodology's vendor-selection section (6.1, sources S0 and S4):
business functions (one criterion per area of the CRM-7 evaluation model, plus the match to the
expected functions), technology, vendor, consulting services, implementation difficulty, time and
cost.  The default group weights are those of the methodology's worked example (6.5); inside a
group the criteria start equal.  Time and cost are scored from figures (months, money: lower is
better); the other criteria are scored by evaluators on 1–5 where 5 is best (for difficulty: 5 =
easiest).  Security carries the methodology's example knock-out: a vendor scored under 3 is out.

>>> [g.key for g in CATALOGUE]
['functions', 'technology', 'vendor', 'consulting', 'difficulty', 'time', 'cost']
>>> round(sum(g.weight for g in CATALOGUE), 12)
1.0
>>> [c.area for c in CATALOGUE[0].criteria if c.area] == list(CRM7_AREAS)
True
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CRM7_AREAS", "CatalogueCriterion", "CatalogueGroup", "CATALOGUE"]

#: The CRM-7 evaluation model's areas (methodology 6.2): key → (English, Chinese).  They are the
#: default axes of the radar chart.
CRM7_AREAS: dict[str, tuple[str, str]] = {
    "customer": ("Customer management", "客户管理"),
    "relationship": ("Relationship management", "关系管理"),
    "sales": ("Sales management", "销售管理"),
    "marketing": ("Marketing management", "营销管理"),
    "service": ("Service management", "服务管理"),
    "analytics": ("Analytics management", "分析管理"),
    "collaboration": ("Collaboration management", "协作管理"),
}


@dataclass(frozen=True)
class CatalogueCriterion:
    key: str
    name: str
    name_zh: str
    description: str = ""
    description_zh: str = ""
    area: str = ""
    higher_is_better: bool = True
    from_figures: bool = False
    unit: str = ""
    knockout: float | None = None


@dataclass(frozen=True)
class CatalogueGroup:
    key: str
    name: str
    name_zh: str
    weight: float
    criteria: tuple[CatalogueCriterion, ...]


C = CatalogueCriterion

CATALOGUE: tuple[CatalogueGroup, ...] = (
    CatalogueGroup("functions", "Business functions", "产品的业务功能", 0.30, (
        C("customer_management", "Customer management", "客户管理",
          "Base CRM modules; one customer record across channels (360° view).",
          "基础CRM模块；跨渠道统一的客户档案（360°视图）。", area="customer"),
        C("relationship_management", "Relationship management", "关系管理",
          "Interaction treated as long-term work; loyalty and retention functions.",
          "把与客户的互动当作长期工作；忠诚度与保留功能。", area="relationship"),
        C("sales_automation", "Sales automation", "销售自动化",
          "Opportunities, pipeline, quotes and orders; opportunities arising from activities are monitored.",
          "商机、销售漏斗、报价与订单；监控由活动产生的商机。", area="sales"),
        C("marketing_management", "Marketing management", "营销管理",
          "Campaigns, segmentation and lead management.", "营销活动、客户细分与线索管理。", area="marketing"),
        C("customer_service", "Customer service", "客户服务",
          "Service requests, complaints, field service; sales and service as one whole.",
          "服务请求、投诉、现场服务；销售与服务一体。", area="service"),
        C("analytics_ai", "Analytics and AI prediction", "分析与AI预测",
          "Reports, dashboards and prediction accuracy (leading products about 82 %).",
          "报表、仪表板与预测准确率（领先产品约82%）。", area="analytics"),
        C("collaboration_channels", "Collaboration and multi-channel integration", "协作与多渠道整合",
          "Customer data from WeChat, Douyin and offline stores joined; teams work on the same customer.",
          "整合微信、抖音与线下门店的客户数据；团队围绕同一客户协作。", area="collaboration"),
        C("function_match", "Match to the expected functions", "与期望功能的匹配度",
          "How much of the listed expected functions the product covers without development.",
          "产品无需二次开发即可覆盖所列期望功能的程度。"),
    )),
    CatalogueGroup("technology", "Technology", "技术手段", 0.20, (
        C("integration", "System integration", "系统集成", "Interfaces to ERP, e-commerce and other systems.",
          "与ERP、电商等系统的接口。"),
        C("performance", "Data processing and performance", "数据处理与运行性能",
          "Data volumes and response times the business needs.", "满足业务所需的数据量与响应时间。"),
        C("security", "Security", "安全性", "Access control, encryption, audit; under 3 the vendor is out.",
          "访问控制、加密与审计；低于3分即淘汰。", knockout=3.0),
        C("cloud_availability", "Cloud availability and multi-language", "云可用性与多语言",
          "Availability (99.99 %) and languages.", "可用性（99.99%）与多语言支持。"),
        C("mobile", "Mobile", "移动端适配", "iOS and Android apps; mobile orders exceed 68 % in retail.",
          "iOS与安卓应用；零售业移动端订单超过68%。"),
        C("scalability", "Investment protection and scalability", "投资保护与可扩展性",
          "Growth in users, data and functions without replacement.", "用户、数据与功能增长时无需更换系统。"),
    )),
    CatalogueGroup("vendor", "Vendor", "供应商", 0.15, (
        C("development_strength", "Product-development strength", "产品开发实力",
          "Roadmap, release cadence and research investment.", "产品路线图、发布节奏与研发投入。"),
        C("service_level", "Service level and after-sales", "服务水平与售后服务",
          "Support hours, response times and after-sales service.", "支持时间、响应时间与售后服务。"),
        C("localisation", "Localisation", "本地化",
          "Integration with domestic ERP, industry certification, local regulations.",
          "与国内ERP集成、行业认证与本地法规。"),
        C("references", "Experience with similar customers", "同类服务经验",
          "References in the same industry and size.", "同行业、同规模的参考客户。"),
    )),
    CatalogueGroup("consulting", "Consulting services", "顾问服务", 0.10, (
        C("consulting_services", "Consulting services", "顾问服务",
          "Consulting services the vendor can provide.", "供应商能提供的顾问服务。"),
    )),
    CatalogueGroup("difficulty", "Implementation difficulty", "实施的难易度", 0.08, (
        C("implementation_ease", "Ease of implementation (5 = easiest)", "实施难易度（5 = 最容易）",
          "How difficult the proposal is to implement; 5 = easiest.", "方案实施的难易程度；5 = 最容易。"),
    )),
    CatalogueGroup("time", "Time", "时间", 0.07, (
        C("implementation_time", "Time to complete the solution", "完成方案所需时间",
          "Months from contract to go-live (lower is better).", "从签约到上线的月数（越少越好）。",
          higher_is_better=False, from_figures=True, unit="months"),
    )),
    CatalogueGroup("cost", "Cost", "费用", 0.10, (
        C("total_cost", "Cost over the evaluation horizon", "评估期内的费用",
          "Licence, implementation and running costs from the quotation (lower is better).",
          "报价中的许可、实施与运行费用（越少越好）。",
          higher_is_better=False, from_figures=True, unit="money"),
    )),
)

del C
