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
