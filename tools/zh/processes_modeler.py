"""Chinese for the modeler's save on a process-map page: assumed probabilities of a decision
drawn without them, and a refused drawing opened again (issue 11, modeler gaps).

Apply: PYTHON=... crm_impl/translations/update.sh && python tools/fill_translations.py tools/zh/processes_modeler.py
&& PYTHON=... crm_impl/translations/update.sh
"""

ZH = {
    (None, "A decision saved from the diagram without probabilities (or with a branch added or removed) gets "
           "equal shares, marked assumed. Set the real ones here; saving the table confirms what it shows."):
        "从流程图保存的决策点若没有概率（或增删了分支），各出口取均等份额，并标为“假定”。请在此填写实际概率；"
        "保存此表即确认表中所示的概率。",
    (None, "Probabilities assumed (equal shares) for the flows leaving %(decisions)s: set them in the table below "
           "the diagram."):
        "已为 %(decisions)s 的各出口假定概率（均等份额）：请在流程图下方的表格中填写。",
    (None, "These figures use %(count)s assumed probabilities: set them in the table below the diagram."):
        "这些数字使用了 %(count)s 个假定概率：请在流程图下方的表格中填写。",
    (None, "Your drawing could not be opened again, the saved diagram is shown: %(reason)s"):
        "无法重新打开您绘制的流程图，现显示已保存的流程图：%(reason)s",
    (None, "Your drawing is shown as you left it, not saved yet: change what is listed above and save again."):
        "您绘制的流程图保持原样显示，尚未保存：请修改上面列出的问题后再次保存。",
    (None, "assumed"): "假定",
}
