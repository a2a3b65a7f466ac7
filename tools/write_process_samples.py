"""Write the sample process content: BPMN maps (as-is and to-be) and each sample project's
root-cause and process-selection data, into sample_projects/processes/.

Run after changing a map here or the BPMN writer: ``python tools/write_process_samples.py``
(``tests/crm_impl/processes/test_samples.py`` fails until the files agree with this script).
It also writes each sample project file's ``processes`` section (``sample_projects/*.json``;
``tests/crm_impl/projectfile/test_processes.py`` checks it).

Cases a year are set so that each pair's yearly saving is of the size of the business-case
benefit line it feeds (``benefit``: the ids of the methodology's sample finance data): retail
repair ≈ B_SVC (350,000 a year), membership ≈ part of B_ADM, pharma visit to order ≈ B_REP
(800,000).  The automotive lead-to-order redesign pays through conversion (B_OPP, revenue
growth): its cost per lead rises while its cost per order falls.

Structure and labels of the hotel maps are the methodology's (§5.5); every time, cost, share and
probability in this file is an illustrative design value (provenance I), as are the maps of the
three sample projects: retail (membership enrolment, after-sales repair), automotive (lead to
order through the dealer) and pharma (rep visit to order).  Times in hours, costs in CNY per case.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crm_impl.formats.bpmn import export_bpmn  # noqa: E402
from crm_impl.processes import Flow, Lane, Node, ProcessMap  # noqa: E402

FOLDER = ROOT / "sample_projects" / "processes"


def T(id, name, name_zh, lane, work=0.0, wait=0.0, cost=0.0, va=False, auto=False, channel=None):  # noqa: N802
    return Node(id, "task", name, lane=lane, working_time=work, waiting_time=wait, cost=cost, value_adding=va,
                automated=auto, channel=channel, name_zh=name_zh)


def X(id, name, name_zh, lane):  # noqa: N802 - an exclusive gateway
    return Node(id, "exclusive", name, lane=lane, name_zh=name_zh)


def P(id, lane):  # noqa: N802 - a parallel gateway
    return Node(id, "parallel", "", lane=lane)


def S(id, name, name_zh, lane, channel=None, share=None):  # noqa: N802
    return Node(id, "start", name, lane=lane, channel=channel, share=share, name_zh=name_zh)


def E(id, name, name_zh, lane, success=False):  # noqa: N802
    return Node(id, "end", name, lane=lane, success=success, name_zh=name_zh)


def F(source, target, label="", p=None):  # noqa: N802
    return Flow(source, target, label, p)


# ------------------------------------------------------------------ hotel booking (methodology §5.5)

HOTEL_AS_IS = ProcessMap(
    "hotel_booking_as_is", "Hotel booking (as-is)",
    (Lane("customer", "Customer", "客户"), Lane("reservation", "Booking hotline", "订房热线")),
    (S("S", "Customer calls the toll-free booking hotline", "客户拨打免费订房热线", "customer", "phone"),
     T("C1", "Check for vacant rooms", "检查是否有空房间", "reservation", 0.25, 0.1, 12, channel="phone"),
     X("D1", "Room at the requested hotel?", "在客户要求的酒店是否有房间？", "reservation"),
     E("B1", "Book room", "为客户预订房间", "reservation", success=True),
     X("D2", "Is the customer willing to wait?", "客户是否愿意等待？", "reservation"),
     E("W1", "Customer enters the waiting list", "客户进入预约等待中", "reservation"),
     E("L1", "Customer leaves", "客户离开", "customer")),
    (F("S", "C1"), F("C1", "D1"), F("D1", "B1", "yes", 0.7), F("D1", "D2", "no", 0.3),
     F("D2", "W1", "yes", 0.4), F("D2", "L1", "no", 0.6)),
    name_zh="酒店预订（现有流程）",
)

HOTEL_TO_BE = ProcessMap(
    "hotel_booking_to_be", "Hotel booking (to-be)",
    (Lane("customer", "Customer", "客户"), Lane("reservation", "Reservation centre (CRM)", "预订中心（CRM）")),
    (S("CH1", "Phone", "拨打电话", "customer", "phone", 0.4),
     S("CH2", "Fax", "传真", "customer", "fax", 0.05),
     S("CH3", "Web", "网站", "customer", "web", 0.4),
     S("CH4", "E-mail", "电子邮件", "customer", "email", 0.15),
     T("C1", "Check for vacant rooms", "检查是否有空房间", "reservation", 0.02, 0, 1, auto=True),
     X("D1", "Room at the requested hotel?", "在客户要求的酒店是否有房间？", "reservation"),
     E("B1", "Book room", "为客户预订房间", "reservation", success=True),
     X("D2", "Is the customer willing to wait?", "客户是否愿意等待？", "reservation"),
     E("W1", "Enter the booking-waiting state", "进入预订等待状态", "reservation"),
     T("C2", "Check nearby chain hotels", "检查附近连锁店", "reservation", 0.02, 0, 1, auto=True),
     X("D3", "Room at a chain hotel?", "附近连锁店是否有房间？", "reservation"),
     E("B2", "Book at the chain hotel", "在连锁店为客户预订房间", "reservation", success=True),
     T("C3", "Check nearby partner hotels", "检查附近伙伴酒店", "reservation", 0.2, 0.1, 8, va=True, channel="phone"),
     X("D4", "Room at a partner hotel?", "伙伴酒店是否有房间？", "reservation"),
     E("B3", "Book at the partner hotel", "在伙伴酒店为客户预订房间", "reservation", success=True),
     E("L1", "Customer leaves", "客户离开", "customer")),
    (F("CH1", "C1"), F("CH2", "C1"), F("CH3", "C1"), F("CH4", "C1"), F("C1", "D1"),
     F("D1", "B1", "yes", 0.7), F("D1", "D2", "no", 0.3), F("D2", "W1", "yes", 0.4), F("D2", "C2", "no", 0.6),
     F("C2", "D3"), F("D3", "B2", "yes", 0.6), F("D3", "C3", "no", 0.4), F("C3", "D4"),
     F("D4", "B3", "yes", 0.5), F("D4", "L1", "no", 0.5)),
    name_zh="酒店预订（目标流程）",
)

# ------------------------------------------------------------------ retail: after-sales repair

_REPAIR_LANES = (Lane("customer", "Customer", "客户"), Lane("store", "Store staff", "门店店员"),
                 Lane("repair", "Repair centre", "维修中心"))

REPAIR_AS_IS = ProcessMap(
    "retail_repair_as_is", "After-sales repair (as-is)", _REPAIR_LANES,
    (S("start", "Customer brings a faulty phone to a store", "客户将故障手机送到门店", "customer", "store"),
     T("form", "Fill in a paper repair form", "填写纸质维修单", "store", 0.25, 0.1, 15, channel="store"),
     T("warranty", "Check the warranty by phone with head office", "电话向总部核实保修", "store", 0.3, 2, 20),
     X("in_warranty", "Under warranty?", "是否在保修期内？", "store"),
     T("quote", "Quote the repair price", "报维修价格", "store", 0.1, 0, 5),
     X("accepts", "Customer accepts the price?", "客户是否接受报价？", "store"),
     E("declined", "Customer takes the phone back", "客户取回手机", "customer"),
     X("merge", "", "", "store"),
     T("ship", "Send the phone to the repair centre by courier", "快递手机到维修中心", "store", 0.2, 48, 30),
     T("fix", "Diagnose and repair", "检测与维修", "repair", 1.5, 24, 120, va=True),
     X("passes", "Repair passes the test?", "维修是否通过测试？", "repair"),
     T("back", "Return the phone to the store", "手机寄回门店", "repair", 0.2, 48, 30),
     T("call", "Call the customer to collect", "电话通知客户取机", "store", 0.1, 24, 5, channel="phone"),
     E("done", "Phone returned", "手机已交还客户", "customer", success=True)),
    (F("start", "form"), F("form", "warranty"), F("warranty", "in_warranty"),
     F("in_warranty", "merge", "yes", 0.7), F("in_warranty", "quote", "no", 0.3), F("quote", "accepts"),
     F("accepts", "merge", "yes", 0.6), F("accepts", "declined", "no", 0.4), F("merge", "ship"), F("ship", "fix"),
     F("fix", "passes"), F("passes", "back", "yes", 0.85), F("passes", "fix", "no", 0.15), F("back", "call"),
     F("call", "done")),
    name_zh="售后维修（现有流程）",
)

REPAIR_TO_BE = ProcessMap(
    "retail_repair_to_be", "After-sales repair (to-be)", _REPAIR_LANES,
    (S("start", "Customer brings a faulty phone to a store", "客户将故障手机送到门店", "customer", "store", 0.7),
     S("online", "Customer books the repair in the mini-program", "客户在小程序预约维修", "customer", "mobile", 0.3),
     T("form", "Register the repair in CRM (scan the IMEI)", "在CRM中登记维修（扫描IMEI）", "store", 0.1, 0, 5,
       channel="store"),
     T("warranty", "Check the warranty in CRM", "在CRM中查询保修", "store", 0.01, 0, 0.5, auto=True),
     X("in_warranty", "Under warranty?", "是否在保修期内？", "store"),
     T("quote", "Quote the repair price from the price list", "按价目表报价", "store", 0.1, 0, 5),
     X("accepts", "Customer accepts the price?", "客户是否接受报价？", "store"),
     E("declined", "Customer takes the phone back", "客户取回手机", "customer"),
     X("merge", "", "", "store"),
     P("fork", "store"),
     T("ship", "Send the phone to the repair centre by tracked courier", "可追踪快递送修", "store", 0.2, 24, 30),
     T("loan", "Lend a spare phone", "借用备用机", "store", 0.1, 0, 10, va=True, channel="store"),
     P("join", "store"),
     T("fix", "Diagnose and repair (parts reserved in CRM)", "检测与维修（CRM预留配件）", "repair", 1.5, 8, 120, va=True),
     X("passes", "Repair passes the test?", "维修是否通过测试？", "repair"),
     T("back", "Return the phone to the store", "手机寄回门店", "repair", 0.2, 24, 30),
     T("call", "Notify the customer by SMS", "短信通知客户取机", "store", 0.01, 12, 0.2, auto=True, channel="mobile"),
     E("done", "Phone returned", "手机已交还客户", "customer", success=True)),
    (F("start", "form"), F("online", "form"), F("form", "warranty"), F("warranty", "in_warranty"),
     F("in_warranty", "merge", "yes", 0.7), F("in_warranty", "quote", "no", 0.3), F("quote", "accepts"),
     F("accepts", "merge", "yes", 0.7), F("accepts", "declined", "no", 0.3), F("merge", "fork"),
     F("fork", "ship"), F("fork", "loan"), F("ship", "join"), F("loan", "join"), F("join", "fix"),
     F("fix", "passes"), F("passes", "back", "yes", 0.92), F("passes", "fix", "no", 0.08), F("back", "call"),
     F("call", "done")),
    name_zh="售后维修（目标流程）",
)

# ------------------------------------------------------------------ retail: membership enrolment

_MEMBER_LANES = (Lane("customer", "Customer", "客户"), Lane("cashier", "Cashier", "收银员"),
                 Lane("hq", "Head-office membership team", "总部会员组"))

MEMBER_AS_IS = ProcessMap(
    "retail_membership_as_is", "Membership enrolment (as-is)", _MEMBER_LANES,
    (S("till", "Customer pays at the till", "客户在收银台付款", "customer", "store"),
     T("offer", "Offer a membership card", "推荐办理会员卡", "cashier", 0.05, 0, 2, channel="store"),
     X("agrees", "Customer agrees?", "客户是否同意？", "cashier"),
     E("no_member", "No membership", "未办理会员", "customer"),
     T("paper", "Fill in a paper form", "填写纸质表格", "customer", 0.15, 0, 1),
     T("type", "Type the forms into the store system at closing", "打烊后录入门店系统", "cashier", 0.1, 12, 4),
     T("merge_data", "Merge store member lists monthly", "每月合并门店会员名单", "hq", 0.05, 360, 2),
     E("member", "Member registered", "会员已登记", "hq", success=True)),
    (F("till", "offer"), F("offer", "agrees"), F("agrees", "paper", "yes", 0.3), F("agrees", "no_member", "no", 0.7),
     F("paper", "type"), F("type", "merge_data"), F("merge_data", "member")),
    name_zh="会员入会（现有流程）",
)

MEMBER_TO_BE = ProcessMap(
    "retail_membership_to_be", "Membership enrolment (to-be)", _MEMBER_LANES,
    (S("till", "Customer pays at the till", "客户在收银台付款", "customer", "store", 0.7),
     S("qr", "Customer scans the store QR code", "客户扫描门店二维码", "customer", "mobile", 0.3),
     T("offer", "Offer membership with a first-purchase discount", "推荐入会并给予首购优惠", "cashier", 0.05, 0, 2,
       channel="store"),
     X("agrees", "Customer agrees?", "客户是否同意？", "cashier"),
     E("no_member", "No membership", "未办理会员", "customer"),
     T("phone_no", "Enter the mobile number at the POS", "在POS机输入手机号", "cashier", 0.03, 0, 1),
     T("self", "Self-registration in the mini-program", "小程序自助注册", "customer", 0.05, 0, 0.2, auto=True,
       channel="mobile"),
     X("m", "", "", "hq"),
     T("create", "Create the member in CRM with consent", "在CRM中创建会员并记录授权", "hq", 0.001, 0, 0.1, auto=True),
     E("member", "Member registered", "会员已登记", "hq", success=True)),
    (F("till", "offer"), F("offer", "agrees"), F("agrees", "phone_no", "yes", 0.5), F("agrees", "no_member", "no", 0.5),
     F("qr", "self"), F("phone_no", "m"), F("self", "m"), F("m", "create"), F("create", "member")),
    name_zh="会员入会（目标流程）",
)

# ------------------------------------------------------------------ automotive: lead to order

_AUTO_LANES = (Lane("customer", "Customer", "客户"), Lane("dealer", "Dealer sales", "经销商销售顾问"),
               Lane("oem", "OEM sales operations", "主机厂销售运营"))

AUTO_AS_IS = ProcessMap(
    "auto_lead_to_order_as_is", "Lead to order through the dealer (as-is)", _AUTO_LANES,
    (S("walk_in", "Customer walks into a showroom", "客户到店", "customer", "store"),
     T("greet", "Greet and note the contact on paper", "接待并纸面记录联系方式", "dealer", 0.3, 0, 20, channel="store"),
     T("drive", "Test drive", "试驾", "dealer", 1, 24, 150, va=True),
     X("interested", "Customer interested?", "客户是否有意向？", "dealer"),
     E("lost", "Lead lost", "线索流失", "customer"),
     T("quote", "Negotiate and quote", "议价与报价", "dealer", 1.5, 72, 200, va=True),
     X("signed", "Order signed?", "是否签约？", "dealer"),
     T("fax", "Fax the order to the OEM", "传真订单至主机厂", "dealer", 0.3, 24, 20, channel="fax"),
     T("allocate", "Check stock and allocate a vehicle", "查询库存并分配车辆", "oem", 0.5, 48, 60),
     E("ordered", "Order confirmed", "订单已确认", "oem", success=True)),
    (F("walk_in", "greet"), F("greet", "drive"), F("drive", "interested"), F("interested", "quote", "yes", 0.35),
     F("interested", "lost", "no", 0.65), F("quote", "signed"), F("signed", "fax", "yes", 0.5),
     F("signed", "lost", "no", 0.5), F("fax", "allocate"), F("allocate", "ordered")),
    name_zh="经销商线索到订单（现有流程）",
)

AUTO_TO_BE = ProcessMap(
    "auto_lead_to_order_to_be", "Lead to order through the dealer (to-be)", _AUTO_LANES,
    (S("walk_in", "Customer walks into a showroom", "客户到店", "customer", "store", 0.5),
     S("web", "Customer books a test drive online", "客户在线预约试驾", "customer", "web", 0.35),
     S("hotline", "Customer calls the brand hotline", "客户致电品牌热线", "customer", "phone", 0.15),
     T("qualify", "Qualify the lead and assign it to a dealer in CRM", "在CRM中甄别线索并分配给经销商", "oem", 0.2, 0,
       15),
     X("m", "", "", "dealer"),
     T("greet", "Greet and look up the customer in CRM", "接待并在CRM中查看客户档案", "dealer", 0.2, 0, 15,
       channel="store"),
     T("drive", "Test drive", "试驾", "dealer", 1, 4, 150, va=True),
     X("interested", "Customer interested?", "客户是否有意向？", "dealer"),
     T("nurture", "Nurture the lead with an automated campaign", "自动化营销培育线索", "oem", 0.01, 168, 3, auto=True,
       channel="email"),
     X("reengaged", "Lead re-engaged?", "线索是否被重新激活？", "oem"),
     E("lost", "Lead lost", "线索流失", "customer"),
     X("m2", "", "", "dealer"),
     T("quote", "Configure and quote in CRM", "在CRM中配置车型并报价", "dealer", 1, 48, 150, va=True),
     X("signed", "Order signed?", "是否签约？", "dealer"),
     T("submit", "Submit the order in the dealer portal", "在经销商门户提交订单", "dealer", 0.05, 0, 2, auto=True),
     P("fork", "dealer"),
     T("allocate", "Allocate a vehicle from real-time stock", "按实时库存分配车辆", "oem", 0.1, 4, 15, auto=True),
     T("finance", "Arrange financing", "办理金融贷款", "dealer", 0.5, 24, 50, va=True),
     P("join", "dealer"),
     E("ordered", "Order confirmed", "订单已确认", "oem", success=True)),
    (F("walk_in", "m"), F("web", "qualify"), F("hotline", "qualify"), F("qualify", "m"), F("m", "greet"),
     F("greet", "drive"), F("drive", "interested"), F("interested", "m2", "yes", 0.45),
     F("interested", "nurture", "no", 0.55), F("nurture", "reengaged"), F("reengaged", "m2", "yes", 0.2),
     F("reengaged", "lost", "no", 0.8), F("m2", "quote"), F("quote", "signed"), F("signed", "submit", "yes", 0.55),
     F("signed", "lost", "no", 0.45), F("submit", "fork"), F("fork", "allocate"), F("fork", "finance"),
     F("allocate", "join"), F("finance", "join"), F("join", "ordered")),
    name_zh="经销商线索到订单（目标流程）",
)

# ------------------------------------------------------------------ pharma: rep visit to order

_PHARMA_LANES = (Lane("rep", "Medical representative", "医药代表"), Lane("branch", "Branch office", "分公司"),
                 Lane("distributor", "Distributor", "经销商"))

PHARMA_AS_IS = ProcessMap(
    "pharma_visit_to_order_as_is", "Rep visit to order (as-is)", _PHARMA_LANES,
    (S("plan", "Rep plans a visit from memory", "代表凭经验安排拜访", "rep", "field"),
     T("visit", "Visit the hospital or pharmacy", "拜访医院或药店", "rep", 2, 24, 300, va=True, channel="field"),
     X("intent", "Order intention?", "是否有订货意向？", "rep"),
     E("no_order", "No order", "未下单", "rep"),
     T("paper", "Write the order on paper and report it weekly", "纸质记录订单并每周汇报", "rep", 0.3, 72, 20),
     T("key_in", "Key the order into the ERP", "将订单录入ERP", "branch", 0.2, 24, 15),
     T("credit", "Check the customer's credit by phone", "电话核实客户信用", "branch", 0.3, 24, 20, channel="phone"),
     X("credit_ok", "Credit OK?", "信用是否合格？", "branch"),
     T("chase", "Chase the overdue payment", "催收逾期货款", "rep", 1, 72, 60),
     T("deliver", "Deliver the goods", "送货", "distributor", 2, 48, 150, va=True),
     E("delivered", "Order delivered", "订单已交付", "distributor", success=True)),
    (F("plan", "visit"), F("visit", "intent"), F("intent", "paper", "yes", 0.4), F("intent", "no_order", "no", 0.6),
     F("paper", "key_in"), F("key_in", "credit"), F("credit", "credit_ok"), F("credit_ok", "deliver", "yes", 0.85),
     F("credit_ok", "chase", "no", 0.15), F("chase", "credit"), F("deliver", "delivered")),
    name_zh="代表拜访到订单（现有流程）",
)

PHARMA_TO_BE = ProcessMap(
    "pharma_visit_to_order_to_be", "Rep visit to order (to-be)", _PHARMA_LANES,
    (S("plan", "CRM plans the visit by customer segment", "CRM按客户细分安排拜访", "rep", "field"),
     T("visit", "Visit the hospital or pharmacy", "拜访医院或药店", "rep", 2, 12, 300, va=True, channel="field"),
     X("intent", "Order intention?", "是否有订货意向？", "rep"),
     E("no_order", "No order", "未下单", "rep"),
     T("paper", "Enter the order on the tablet (CRM mobile)", "用平板电脑录入订单（CRM移动端）", "rep", 0.1, 0, 5,
       channel="mobile"),
     T("credit", "Automatic credit check", "自动信用检查", "branch", 0.01, 0, 1, auto=True),
     X("credit_ok", "Credit OK?", "信用是否合格？", "branch"),
     T("chase", "Chase the overdue payment", "催收逾期货款", "rep", 1, 48, 60),
     P("fork", "branch"),
     T("deliver", "Deliver the goods", "送货", "distributor", 2, 24, 150, va=True),
     T("confirm", "Confirm the order to the customer by SMS", "短信向客户确认订单", "branch", 0.01, 0, 0.2, auto=True,
       channel="mobile"),
     P("join", "distributor"),
     E("delivered", "Order delivered", "订单已交付", "distributor", success=True)),
    (F("plan", "visit"), F("visit", "intent"), F("intent", "paper", "yes", 0.5), F("intent", "no_order", "no", 0.5),
     F("paper", "credit"), F("credit", "credit_ok"), F("credit_ok", "fork", "yes", 0.9),
     F("credit_ok", "chase", "no", 0.1), F("chase", "credit"), F("fork", "deliver"), F("fork", "confirm"),
     F("deliver", "join"), F("confirm", "join"), F("join", "delivered")),
    name_zh="代表拜访到订单（目标流程）",
)

MAPS = (HOTEL_AS_IS, HOTEL_TO_BE, REPAIR_AS_IS, REPAIR_TO_BE, MEMBER_AS_IS, MEMBER_TO_BE, AUTO_AS_IS, AUTO_TO_BE,
        PHARMA_AS_IS, PHARMA_TO_BE)


# ------------------------------------------------------------------ root causes and selection per project


def _fish(key, problem, problem_zh, categories):
    return {"key": key, "problem": problem, "problem_zh": problem_zh,
            "categories": [{"name": n, "name_zh": z, "causes": [{"name": cn, "name_zh": cz, "value": v}
                                                                for cn, cz, v in causes]}
                           for n, z, causes in categories]}


def _candidate(key, name, name_zh, importance, gap, feasibility, functions, departments):
    return {"key": key, "name": name, "name_zh": name_zh, "importance": importance, "gap": gap,
            "feasibility": feasibility, "functions": functions, "departments": departments}


PROJECTS = {
    "retail_chain_pengbo": {
        "project": "SP-RETAIL-01",
        "maps": [
            {"process": "after_sales_repair", "as_is": "retail_repair_as_is", "to_be": "retail_repair_to_be",
             "cases_per_year": 12_000, "benefit": "B_SVC"},
            {"process": "membership_enrolment", "as_is": "retail_membership_as_is",
             "to_be": "retail_membership_to_be", "cases_per_year": 150_000, "benefit": "B_ADM"},
        ],
        "fishbones": [_fish(
            "repair_complaints", "Repair complaints: phones come back late", "维修投诉：手机返还太慢", [
                ("Methods", "方法", [("Paper repair forms are lost or illegible", "纸质维修单丢失或字迹不清", 31),
                                      ("Warranty checked by phone with head office", "电话向总部核实保修", 12)]),
                ("Logistics", "物流", [("Courier round trip of four days", "快递往返四天", 27)]),
                ("Parts", "配件", [("Parts not in stock at the repair centre", "维修中心配件缺货", 17)]),
                ("People", "人员", [("Repairs fail the final test", "维修未通过最终测试", 8),
                                     ("Customers not told the phone is ready", "未通知客户取机", 5)]),
            ])],
        "candidates": [
            _candidate("after_sales_repair", "After-sales repair", "售后维修", 5, 5, 4, 6, 3),
            _candidate("membership_enrolment", "Membership enrolment", "会员入会", 4, 4, 5, 3, 2),
            _candidate("campaigns", "Member campaigns", "会员营销活动", 4, 3, 3, 7, 2),
            _candidate("store_replenishment", "Store replenishment", "门店补货", 3, 3, 2, 4, 3),
        ],
    },
    "automotive_huatong": {
        "project": "SP-AUTO-01",
        "maps": [{"process": "lead_to_order", "as_is": "auto_lead_to_order_as_is", "to_be": "auto_lead_to_order_to_be",
                  "cases_per_year": 2_300_000, "benefit": "B_OPP"}],
        "fishbones": [_fish(
            "lead_loss", "Showroom leads are lost", "展厅线索流失", [
                ("Process", "流程", [("No follow-up of undecided visitors", "未跟进犹豫的来访客户", 38),
                                      ("Orders faxed and re-keyed", "订单传真后重复录入", 9)]),
                ("Information", "信息", [("Dealer cannot see the customer's history", "经销商看不到客户历史", 24),
                                          ("No real-time stock", "无实时库存", 14)]),
                ("People", "人员", [("Sales consultants change often", "销售顾问流动频繁", 10)]),
                ("Channels", "渠道", [("Web and hotline leads never reach a dealer", "网站和热线线索未传给经销商", 5)]),
            ])],
        "candidates": [
            _candidate("lead_to_order", "Lead to order through the dealer", "经销商线索到订单", 5, 4, 4, 8, 3),
            _candidate("after_sales_service", "After-sales service booking", "售后服务预约", 4, 4, 4, 5, 2),
            _candidate("complaints", "Complaint handling", "投诉处理", 4, 5, 3, 4, 4),
            _candidate("parts_supply", "Dealer parts supply", "经销商配件供应", 3, 3, 2, 6, 3),
        ],
    },
    "pharma_huikang": {
        "project": "SP-PHARMA-01",
        "maps": [{"process": "visit_to_order", "as_is": "pharma_visit_to_order_as_is",
                  "to_be": "pharma_visit_to_order_to_be", "cases_per_year": 130_000, "benefit": "B_REP"}],
        "fishbones": [_fish(
            "slow_orders", "Orders take two weeks from visit to delivery", "从拜访到交货需要两周", [
                ("Methods", "方法", [("Orders reported weekly on paper", "订单每周纸面汇报", 36),
                                      ("Orders keyed twice", "订单重复录入", 14)]),
                ("Credit", "信用", [("Credit checked by phone", "电话核实信用", 22),
                                     ("Overdue payments chased late", "逾期货款催收滞后", 9)]),
                ("Distribution", "分销", [("Distributor delivers in batches", "经销商批量送货", 13)]),
                ("People", "人员", [("Visits planned from memory", "凭经验安排拜访", 6)]),
            ])],
        "candidates": [
            _candidate("visit_to_order", "Rep visit to order", "代表拜访到订单", 5, 5, 4, 6, 3),
            _candidate("hospital_listing", "Hospital listing", "医院准入", 5, 3, 2, 3, 2),
            _candidate("academic_events", "Academic events", "学术推广会议", 3, 3, 4, 4, 2),
            _candidate("distributor_inventory", "Distributor inventory reporting", "经销商库存上报", 4, 4, 3, 5, 2),
        ],
    },
}


def outputs() -> dict[Path, bytes]:
    """Every sample file and its content."""
    files = {FOLDER / f"{pm.key}.bpmn": export_bpmn(pm) for pm in MAPS}
    for stem, content in PROJECTS.items():
        data = {"description": "Process content of the sample project (source of its project-file section); "
                               "values are illustrative (provenance I). Maps are the BPMN files named by key.",
                **content}
        files[FOLDER / f"{stem}.json"] = (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def processes_section(stem: str) -> dict:
    """The ``processes`` section of sample project ``stem``'s file: its maps (the BPMN files
    above, each to-be map linked to its as-is map, both with the cases a year, the to-be map with
    the benefit line its savings feed), its fishbones and its selection candidates."""
    content = PROJECTS[stem]
    files = outputs()
    maps = []
    for pair in content["maps"]:
        for kind in ("as_is", "to_be"):
            maps.append({"key": pair[kind], "kind": kind, "process": pair["process"],
                         "as_is": pair["as_is"] if kind == "to_be" else None,
                         "cases_per_year": pair["cases_per_year"], "benefit": pair["benefit"] if kind == "to_be" else "",
                         "bpmn": files[FOLDER / f"{pair[kind]}.bpmn"].decode("utf-8")})
    return {"maps": maps, "fishbones": content["fishbones"], "candidates": content["candidates"]}


def sample_project_files() -> dict[Path, bytes]:
    """The three sample project files with their ``processes`` section as written here (every
    other section as it is in the file)."""
    files = {}
    for stem in PROJECTS:
        path = ROOT / "sample_projects" / f"{stem}.json"
        data = json.loads(path.read_text("utf-8"))
        data["processes"] = processes_section(stem)
        files[path] = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


if __name__ == "__main__":
    FOLDER.mkdir(parents=True, exist_ok=True)
    for path, content in {**outputs(), **sample_project_files()}.items():
        path.write_bytes(content)
        print(f"wrote {path.relative_to(ROOT)}")
