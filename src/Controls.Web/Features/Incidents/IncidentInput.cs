using System.ComponentModel.DataAnnotations;
using Controls.Web.Domain;

namespace Controls.Web.Features.Incidents;

/// <summary>The facts of an incident on the create and edit pages; times are local to the organisation's time zone.</summary>
public class IncidentInput
{
    public const int TextLength = 4000;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.Title")]
    public string Title { get; set; } = "";

    [Display(Name = "Incidents.Field.Kind")]
    public IncidentKind Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Incidents.Field.DiscoveredAt")]
    public DateTime? DiscoveredAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Incidents.Field.AwareAt")]
    public DateTime? AwareAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Incidents.Field.Department")]
    public Guid? DepartmentId { get; set; }

    [Display(Name = "Incidents.Field.Contractor")]
    public Guid? ContractorId { get; set; }

    [Display(Name = "Incidents.Field.LedgerEntries")]
    public List<string> LedgerEntryIds { get; set; } = [];

    /// <summary>The chosen ledger entries (blank values ignored); null when a value is not an id.</summary>
    public List<Guid>? LedgerEntryGuids
    {
        get
        {
            var ids = LedgerEntryIds.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).ToList();
            return ids.Any(id => id is null) ? null : ids.Select(id => id!.Value).Distinct().ToList();
        }
    }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.DataSets")]
    public string? DataSets { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, 1_000_000_000, ErrorMessage = "Incidents.PeopleCountRange")]
    [Display(Name = "Incidents.Field.PeopleCount")]
    public int? PeopleCount { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.DataItems")]
    public string? DataItems { get; set; }

    [Display(Name = "Incidents.Field.SpecialCareData")]
    public bool SpecialCareData { get; set; }

    [Display(Name = "Incidents.Field.FinancialHarmRisk")]
    public bool FinancialHarmRisk { get; set; }

    [Display(Name = "Incidents.Field.SuspectedMalice")]
    public bool SuspectedMalice { get; set; }

    [Display(Name = "Incidents.Field.Encrypted")]
    public bool Encrypted { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.Description")]
    public string? Description { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.Cause")]
    public string? Cause { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.SecondaryHarm")]
    public string? SecondaryHarm { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.ResponseToIndividuals")]
    public string? ResponseToIndividuals { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.Publication")]
    public string? Publication { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.RecurrencePrevention")]
    public string? RecurrencePrevention { get; set; }

    [StringLength(TextLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Incidents.Field.Other")]
    public string? Other { get; set; }

    public static IncidentInput From(Incident i, TimeZoneInfo zone) => new()
    {
        Title = i.Title,
        Kind = i.Kind,
        DiscoveredAt = Local(i.DiscoveredAt, zone),
        AwareAt = Local(i.AwareAt, zone),
        DepartmentId = i.DepartmentId,
        ContractorId = i.ContractorId,
        LedgerEntryIds = [.. i.LedgerEntryIds.Select(id => id.ToString())],
        DataSets = i.DataSets,
        PeopleCount = i.PeopleCount,
        DataItems = i.DataItems,
        SpecialCareData = i.SpecialCareData,
        FinancialHarmRisk = i.FinancialHarmRisk,
        SuspectedMalice = i.SuspectedMalice,
        Encrypted = i.Encrypted,
        Description = i.Description,
        Cause = i.Cause,
        SecondaryHarm = i.SecondaryHarm,
        ResponseToIndividuals = i.ResponseToIndividuals,
        Publication = i.Publication,
        RecurrencePrevention = i.RecurrencePrevention,
        Other = i.Other,
    };

    /// <summary>Copies the validated fields onto the incident; the local times become instants in the organisation's zone.</summary>
    public void ApplyTo(Incident i, TimeZoneInfo zone)
    {
        i.Title = Title.Trim();
        i.Kind = Kind;
        i.DiscoveredAt = Instant(DiscoveredAt!.Value, zone);
        i.AwareAt = Instant(AwareAt!.Value, zone);
        i.DepartmentId = DepartmentId!.Value;
        i.ContractorId = ContractorId;
        i.LedgerEntryIds = LedgerEntryGuids ?? [];
        i.DataSets = DataSets?.Trim() ?? "";
        i.PeopleCount = PeopleCount!.Value;
        i.DataItems = DataItems?.Trim() ?? "";
        i.SpecialCareData = SpecialCareData;
        i.FinancialHarmRisk = FinancialHarmRisk;
        i.SuspectedMalice = SuspectedMalice;
        i.Encrypted = Encrypted;
        i.Description = Description?.Trim() ?? "";
        i.Cause = Cause?.Trim() ?? "";
        i.SecondaryHarm = SecondaryHarm?.Trim() ?? "";
        i.ResponseToIndividuals = ResponseToIndividuals?.Trim() ?? "";
        i.Publication = Publication?.Trim() ?? "";
        i.RecurrencePrevention = RecurrencePrevention?.Trim() ?? "";
        i.Other = Other?.Trim() ?? "";
    }

    public static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>A wall-clock time in the zone as an instant (a time skipped by a daylight-saving change is taken an hour later).</summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
