"""The methodology's retail worked example (§7.4) as a business case."""

import pytest

from crm_impl.finance import BusinessCase, Driver, Line


def retail_case(**options) -> BusinessCase:
    """Pengbo's 3-year case: construction 4.35m with the 20 % reserve, usage 0.92m a year,
    benefits 9.341m (revenue growth entered as revenue × the 9 % margin, two lines by formula)."""
    ramp = (0, 0.5, 0.85, 1.0)
    lines = [
        Line("C_INF", "cost", "construction", "it_infrastructure", "IT infrastructure", amounts=(900_000, 0, 0, 0)),
        Line("C_LIC", "cost", "construction", "software_license", "Licences", amounts=(1_050_000, 0, 0, 0)),
        Line("C_DB", "cost", "construction", "database_development", "Database", amounts=(280_000, 0, 0, 0)),
        Line("C_CON", "cost", "construction", "consulting", "Consulting", amounts=(620_000, 0, 0, 0)),
        Line("C_TRN", "cost", "construction", "training", "Training", amounts=(180_000, 0, 0, 0)),
        Line("C_HR", "cost", "construction", "internal_hr", "Internal staff", amounts=(450_000, 0, 0, 0)),
        Line("C_RES", "cost", "construction", "customization_reserve", "Reserve", amounts=(870_000, 0, 0, 0)),
        Line("U_SYS", "cost", "usage", "system_maintenance", "Maintenance", amounts=(0, 190_000, 190_000, 190_000)),
        Line("U_DATA", "cost", "usage", "data_maintenance", "Data upkeep", amounts=(0, 150_000, 150_000, 150_000)),
        Line("U_COM", "cost", "usage", "communication", "Communication", amounts=(0, 220_000, 220_000, 220_000)),
        Line("U_LAB", "cost", "usage", "labor", "CRM team", amounts=(0, 360_000, 360_000, 360_000)),
        Line("B_MKT", "benefit", "cost_reduction", "", "Targeted campaigns", formula="flyer_spend * flyer_cut",
             ramp=ramp),
        Line("B_SVC", "benefit", "cost_reduction", "", "Fewer repeat repairs", amounts=(0, 175_000, 297_500, 350_000)),
        Line("B_ADM", "benefit", "cost_reduction", "", "Reports by system", amounts=(0, 225_000, 382_500, 450_000)),
        Line("B_REP", "benefit", "revenue_growth", "", "Repurchase", formula="members * uplift * basket",
             ramp=(0, 0.4, 0.8, 1.0), gross_margin=0.09),
    ]
    drivers = (Driver("flyer_spend", 1_200_000), Driver("flyer_cut", 0.75), Driver("members", 900_000),
               Driver("uplift", 0.05), Driver("basket", 600))
    return BusinessCase(horizon=3, discount_rate=0.08, lines=tuple(lines), drivers=drivers, **options)


@pytest.fixture
def retail():
    return retail_case()
