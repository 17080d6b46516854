from django.db import models


class CityProperty(models.Model):
    """One COLP record: a tax lot and one use of it. A lot used several ways has several records."""

    uid = models.CharField(max_length=64, unique=True)
    bbl = models.CharField("BBL", max_length=10, db_index=True)
    borough = models.PositiveSmallIntegerField()
    block = models.PositiveIntegerField()
    lot = models.PositiveIntegerField()
    address = models.CharField(max_length=200, blank=True)
    parcel_name = models.CharField(max_length=200, blank=True)
    agency_abbreviation = models.CharField("using agency (COLP)", max_length=20, blank=True)
    managing_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="properties"
    )
    use_code = models.CharField(max_length=10, blank=True)
    use_type = models.CharField(max_length=120, blank=True)
    ownership = models.CharField(max_length=1)
    category = models.CharField(max_length=1)
    expandcat = models.CharField(max_length=1)
    leased = models.CharField(max_length=1, blank=True)
    agreement = models.CharField(max_length=1, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # Derived by eo13.access.colp at import, with the sentence saying why.
    kind = models.CharField(max_length=20)
    city_owned_or_leased = models.BooleanField()
    city_operational_control = models.BooleanField()
    city_governmental_purpose = models.BooleanField()
    # Not indexed: two values each, so a filter on them reads the table anyway (issue 14: every index costs the import).
    is_city_property = models.BooleanField()
    is_city_lot = models.BooleanField()
    basis = models.CharField(max_length=400)
    uncertain = models.BooleanField(default=False)
    # Why the record does not settle the §1(1)/§1(2) answer (mixed ownership, land run by H+H or NYCHA, a
    # disposition); the engine then answers `unknown` where it matters (issue 10).
    doubt = models.CharField(max_length=300, blank=True, default="")
    # Upper-cased address, name and BBL, so a search is one scan of one column. Not indexed: a search looks for the
    # words anywhere in it (LIKE '%...%'), which no B-tree serves; its two indexes only slowed the COLP import.
    search_text = models.CharField(max_length=420)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["bbl", "uid"]
        verbose_name_plural = "City properties"

    def __str__(self) -> str:
        return f"{self.address or self.parcel_name} (BBL {self.bbl})"

    @property
    def label(self) -> str:
        name = self.parcel_name.title() if self.parcel_name else ""
        return f"{self.address.title()}{' — ' + name if name else ''}, {self.borough_name}"

    @property
    def borough_name(self) -> str:
        return {1: "Manhattan", 2: "Bronx", 3: "Brooklyn", 4: "Queens", 5: "Staten Island"}.get(self.borough, "")
