"""Simplified Chinese for the gaps of issue 11 closed on the server side: event attributes in the
map's table, per-lane working hours in the what-if page, the stored selection weights, a task
outside every lane, and a BPMN map uploaded where an MS Project plan is expected.

Apply with tools/fill_translations.py, then crm_impl/translations/update.sh.
"""

ZH = {
    # attribute table (templates/processes/map.html)
    (None, "Events"): "事件",
    (None, "Event"): "事件",
    (None, "Start event"): "开始事件",
    (None, "End event"): "结束事件",
    (None, "Intermediate event"): "中间事件",
    (None, "Share of cases"): "案例占比",
    (None, "Success"): "成功",
    (None, "Share of cases: the part of all cases entering at a start event (several start events are alternative "
           "channels; leave every share empty for equal shares). Success: ending here is a good outcome. Waiting time: "
           "how long a case waits at an intermediate (timer) event."):
        "案例占比：从某个开始事件进入的案例占全部案例的比例（多个开始事件表示可选的渠道；全部留空则平均分配）。"
        "成功：在此结束是好的结果。等待时间：案例在中间（定时）事件处等待的时长。",
    # what-if simulation (templates/processes/simulate.html, blueprints/processes/routes.py)
    (None, "People and working hours per lane"): "各泳道人数与工作时间",
    (None, "Leave the hours of a lane empty for the working day above."): "泳道的工作时间留空时，采用上面的工作日设置。",
    (None, "Day starts"): "上班时间（时）",
    (None, "Hours a day"): "每天小时数",
    (None, "%(field)s in lane %(lane)s: give a number from %(low)s to %(high)s."):
        "泳道 %(lane)s 的%(field)s：请填写 %(low)s 到 %(high)s 之间的数。",
    (None, "Lane %(lane)s: give its people to set its own working hours."):
        "泳道 %(lane)s：要设置它自己的工作时间，请先填写人数。",
    # selection weights (templates/processes/candidates.html)
    (None, "Selection weights saved."): "选择权重已保存。",
    (None, "Ranked with the weights in the address, not saved."): "按地址中的权重排序，未保存。",
    (None, "Show the saved weights"): "显示已保存的权重",
    (None, "Save weights"): "保存权重",
    # validation (crm_impl/processes/validate.py)
    (None, "task %(node)s is in no lane: put it in one of the map's lanes"):
        "任务 %(node)s 不在任何泳道中：请把它放进流程图的某条泳道",
    # MS Project reader (crm_impl/formats/mspdi.py)
    (None, "this is a BPMN 2.0 process map, not an MS Project plan: add it to a project under Processes "
           "(New map, from an uploaded BPMN file)"):
        "这是 BPMN 2.0 流程图，不是 MS Project 计划：请在项目的“流程”中添加它（新建流程图，来自上传的 BPMN 文件）",
}
