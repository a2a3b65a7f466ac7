"""Chinese for the business case per vendor (applied by tools/fill_translations.py)."""

ZH = {
    (None, 'Each short-listed vendor’s quotation takes the place of what vendors sell in the business case — software licences and implementation in year 0, licence renewals and maintenance in each later year; the enterprise’s own costs and every benefit stay as they are, at the forecast go-live. So the differences below are the quotations’ differences.'): '每家入围供应商的报价替换业务论证中由供应商提供的部分——第 0 年的软件许可与实施费用，以及此后每年的许可续费与维护费用；企业自身的成本和全部收益保持不变，并按预测上线日期计算。因此下表中的差异就是各家报价的差异。',
    ('chart', 'NPV'): '净现值',
    (None, 'No vendor has been short-listed yet: add the vendors and their quotations to the vendor selection.'): '尚未有入围供应商：请在供应商选型中添加供应商及其报价。',
    (None, 'TCO (present value)'): '总拥有成本（现值）',
    ('chart', 'TCO and NPV per vendor'): '各供应商的总拥有成本与净现值',
    (None, 'TCO and ROI per vendor'): '各供应商的总拥有成本与投资回报率',
    ('chart', 'TCO: construction'): '总拥有成本：建设',
    ('chart', 'TCO: usage'): '总拥有成本：使用',
    (None, 'The ranking shows once scoring is closed.'): '评分结束后显示排名。',
    (None, 'knocked out'): '被淘汰',
}
ZH.update({
    (None, "Benefit line"): "收益行",
    (None, "Benefit line %(key)s now takes the process map’s yearly saving."): "收益行 %(key)s 现已采用该流程图的年度节省额。",
    (None, "Each to-be process map saves its cost per case against its as-is map, times the cases a year. Taken into the case, the saving becomes the full-year amount of a cost-reduction line with the map named as its source: the line the map names keeps its ramp-up, a new line takes the saving in full from year 1 on."):
        "每张目标流程图相对其现状流程图节省的单件成本，乘以每年的业务量。纳入业务论证后，该节省额成为一条成本降低收益行的全年金额，并注明来源流程图：流程图指定的收益行保留其爬坡比例，新建的收益行自第 1 年起全额计入。",
    (None, "Process map"): "流程图",
    (None, "Saving a year"): "年度节省",
    (None, "Savings of redesigned processes"): "流程优化带来的节省",
    (None, "Take into the case"): "纳入业务论证",
    (None, "holds %(amount)s a year: the map has changed since"): "当前为每年 %(amount)s：流程图此后已有变化",
    (None, "no such process map"): "没有该流程图",
    (None, "not taken yet"): "尚未纳入",
    (None, "takes it"): "已纳入",
    (None, "the redesign saves nothing a year (%(value)s): there is no benefit to take"): "该流程优化每年没有节省（%(value)s）：没有可纳入的收益",
})
