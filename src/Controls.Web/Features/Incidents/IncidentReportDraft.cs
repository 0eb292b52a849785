using System.Globalization;
using System.Text;
using Controls.Web.Domain;
using Controls.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Incidents;

/// <summary>
/// The report to the PPC as plain Japanese text with its nine items (概要, 項目, 本人の数, 原因,
/// 二次被害, 本人への対応, 公表, 再発防止策, その他), ready to copy into the PPC's form. The
/// summary also states the time of awareness, the matched categories, the encryption status and
/// the contractor involved.
/// </summary>
public static class IncidentReportDraft
{
    public const string Language = "ja";

    public static string Compose(IStringLocalizer l, Incident incident, string department, string? contractor, IReadOnlyList<string> ledgerEntries,
        IReadOnlyList<(string Action, DateOnly DueOn)> actions, TimeZoneInfo zone)
    {
        string T(string key, params object[] args) => MessageText.Localize(l, Language, key, args);
        string Time(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
        string Or(string text) => string.IsNullOrWhiteSpace(text) ? T("Incidents.Draft.NotYet") : text;

        var assessment = IncidentReportability.Assess(incident);
        var categories = assessment.Categories.Count == 0
            ? T("Incidents.Draft.NoCategory")
            : string.Join("、", assessment.Categories.Select(c => T("Incidents.Category." + c)));

        var summary = new StringBuilder();
        summary.AppendLine(T("Incidents.Draft.SummaryLine", T("Incidents.Kind." + incident.Kind), incident.Title));
        summary.AppendLine(T("Incidents.Draft.Discovered", Time(incident.DiscoveredAt)));
        summary.AppendLine(T("Incidents.Draft.Aware", Time(incident.AwareAt)));
        summary.AppendLine(T("Incidents.Draft.Department", department));
        summary.AppendLine(T("Incidents.Draft.Contractor", contractor ?? T("Incidents.Draft.NoContractor")));
        summary.AppendLine(T("Incidents.Draft.Categories", categories));
        summary.AppendLine(T("Incidents.Draft.Encryption", incident.Encrypted ? T("Incidents.Draft.EncryptedYes") : T("Incidents.Draft.EncryptedNo")));
        if (!string.IsNullOrWhiteSpace(incident.Description))
        {
            summary.AppendLine(incident.Description);
        }

        var items = new (string Heading, string Text)[]
        {
            ("Incidents.Draft.Item1", summary.ToString().TrimEnd()),
            ("Incidents.Draft.Item2", Or(incident.DataItems) + DataSets(string.Join("、", ledgerEntries.Append(incident.DataSets).Where(s => !string.IsNullOrWhiteSpace(s))))),
            ("Incidents.Draft.Item3", T("Incidents.Draft.People", incident.PeopleCount.ToString("N0", CultureInfo.InvariantCulture))),
            ("Incidents.Draft.Item4", Or(incident.Cause)),
            ("Incidents.Draft.Item5", Or(incident.SecondaryHarm)),
            ("Incidents.Draft.Item6", Or(incident.ResponseToIndividuals)),
            ("Incidents.Draft.Item7", Or(incident.Publication)),
            ("Incidents.Draft.Item8", Or(string.Join("\n", actions.Select(a => T("Incidents.Draft.Action", a.Action, a.DueOn.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)))
                .Prepend(incident.RecurrencePrevention).Where(s => !string.IsNullOrWhiteSpace(s))))),
            ("Incidents.Draft.Item9", Or(incident.Other)),
        };
        string DataSets(string sets) => sets.Length == 0 ? "" : "\n" + T("Incidents.Draft.DataSets", sets);

        var text = new StringBuilder();
        foreach (var (heading, body) in items)
        {
            text.AppendLine(T(heading));
            text.AppendLine(body.ReplaceLineEndings("\n"));
            text.AppendLine();
        }

        return text.ToString().TrimEnd().ReplaceLineEndings("\n");
    }
}
