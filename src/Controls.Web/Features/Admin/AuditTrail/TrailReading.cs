using System.Globalization;
using System.Text.Json;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Catalog;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.AuditTrail;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Admin.AuditTrail;

/// <summary>
/// The audit trail as a person reads it: entity and field names in the reader's language (resources
/// "TrailEntity.{entity}", "TrailField.{entity}.{field}" or "TrailField.{field}"), the record's name
/// instead of its id, ids among the values resolved to names, enum values and yes/no in words, and
/// instants in the organisation's time zone. The stored entries (and their hash chain) are unchanged.
/// </summary>
public sealed class TrailReading(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> l)
{
    public sealed record Line(string Field, string? Old, string New);

    public sealed record Row(long Id, DateTimeOffset At, string Actor, string Entity, AuditAction Action, string Key, string Record, IReadOnlyList<Line> Lines);

    /// <summary>The entries' own entity names that are not records (sign-ins and refused requests).</summary>
    public static readonly IReadOnlyList<string> AccessEntities = [AccessTrail.SignInEntity, AccessTrail.RequestEntity];

    /// <summary>The name an entity type is recorded under (as the interceptor writes it).</summary>
    public static string EntityName(Type type) => type.Name.Replace("`1", "", StringComparison.Ordinal);

    /// <summary>Every audited entity with its recorded fields: what needs a display name.</summary>
    public static IEnumerable<(string Entity, IReadOnlyList<string> Fields)> Audited(IModel model) =>
        model.GetEntityTypes().Where(t => !t.IsOwned() && AuditTrailInterceptor.IsAudited(t.ClrType))
            .GroupBy(t => EntityName(t.ClrType))
            .Select(g => (g.Key, (IReadOnlyList<string>)g.SelectMany(t => t.GetProperties()).Select(p => p.Name).Where(AuditTrailInterceptor.IsRecorded).Distinct().ToList()));

    private string? Resource(string key)
    {
        var value = l[key];
        return value.ResourceNotFound ? null : value.Value;
    }

    /// <summary>Enums whose words the pages already have under another name (ActionStatus.Open for CorrectiveActionStatus.Open).</summary>
    private static readonly Dictionary<string, string> EnumWords = new(StringComparer.Ordinal)
    {
        ["CorrectiveActionStatus"] = "ActionStatus",
        ["CorrectiveActionSource"] = "ActionSource",
        ["ContractorStatus"] = "Contractors.Status",
        ["LedgerMedium"] = "Ledger.Medium",
        ["PeopleRange"] = "Ledger.People",
        ["LifeCycleStage"] = "Risk.Stage",
        ["IncidentKind"] = "Incidents.Kind",
        ["DataSubjectRequestKind"] = "Requests.Kind",
        ["DataSubjectRequestStatus"] = "Requests.Status",
        ["RequestChannel"] = "Requests.Channel",
        ["RequesterKind"] = "Requests.RequesterKind",
        ["InspectionEventKind"] = "InspectionEvent",
        ["ScheduleRecurrence"] = "Schedules.Recurrence",
        ["ScheduleStatus"] = "Schedules.Status",
        ["ScheduleTargets"] = "Schedules.Target",
    };

    /// <summary>The enum value as the pages name it, or null when no word exists.</summary>
    public string? EnumWord(Type enumType, string value) => Resource($"{EnumWords.GetValueOrDefault(enumType.Name, enumType.Name)}.{value}");

    public string Entity(string entity) => Resource("TrailEntity." + entity) ?? entity;

    public string Field(string entity, string field) =>
        Resource($"TrailField.{entity}.{field}") ?? Resource("TrailField." + field)
        ?? (field.Length > 0 && char.IsLower(field[0]) ? Resource("TrailField." + char.ToUpperInvariant(field[0]) + field[1..]) : null) ?? field;

    public async Task<List<Row>> ReadAsync(IReadOnlyList<AuditTrailEntry> entries, CancellationToken cancellationToken = default)
    {
        var parsed = entries.Select(e => (Entry: e, Changes: Parse(e.Changes))).ToList();
        var ids = new HashSet<Guid>();
        foreach (var (entry, changes) in parsed)
        {
            if (entry.UserId is { } user)
            {
                ids.Add(user);
            }

            foreach (var part in entry.EntityKey.Split('/'))
            {
                if (Guid.TryParse(part, out var id))
                {
                    ids.Add(id);
                }
            }

            foreach (var (_, value) in changes)
            {
                Collect(value.Old, ids);
                Collect(value.New, ids);
            }
        }

        var names = await NamesAsync(ids, cancellationToken);
        var types = db.Model.GetEntityTypes().GroupBy(t => EntityName(t.ClrType)).ToDictionary(g => g.Key, g => g.First());
        return parsed.Select(p =>
        {
            var (entry, changes) = p;
            var type = types.GetValueOrDefault(entry.Entity);
            var actor = entry.UserId is { } userId && names.TryGetValue(userId, out var name) ? $"{name} ({entry.Actor})" : entry.Actor;
            var record = entry.EntityKey == "(bulk)" ? l["AuditTrail.Bulk"].Value
                : string.Join(" / ", entry.EntityKey.Split('/').Select(k => Guid.TryParse(k, out var id) && names.TryGetValue(id, out var n) ? n : k));
            var lines = changes.Select(c => new Line(Field(entry.Entity, c.Field),
                c.Value.Plain || entry.Action == AuditAction.Insert ? null : Format(entry.Entity, type, c.Field, c.Value.Old, names),
                c.Value.Changed ? l["AuditTrail.Changed"].Value : Format(entry.Entity, type, c.Field, c.Value.New, names))).ToList();
            return new Row(entry.Id, entry.At, actor, Entity(entry.Entity), entry.Action, entry.EntityKey, record, lines);
        }).ToList();
    }

    /// <summary>"Field: old → new" per line (the export's cell).</summary>
    public static string Describe(Row row) => string.Join("\n", row.Lines.Select(line => line.Old is null ? $"{line.Field}: {line.New}" : $"{line.Field}: {line.Old} → {line.New}"));

    private sealed record Value(JsonElement? Old, JsonElement? New, bool Plain, bool Changed);

    private static List<(string Field, Value Value)> Parse(string json)
    {
        var result = new List<(string, Value)>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var field in document.RootElement.EnumerateObject())
            {
                var value = field.Value.Clone();
                if (value.ValueKind != JsonValueKind.Object)
                {
                    // Sign-ins, refused requests and bulk writes: plain values.
                    result.Add((field.Name, new Value(null, value, true, false)));
                }
                else if (value.TryGetProperty("changed", out _))
                {
                    result.Add((field.Name, new Value(null, null, false, true)));
                }
                else
                {
                    result.Add((field.Name, new Value(value.TryGetProperty("old", out var o) ? o : null, value.TryGetProperty("new", out var n) ? n : null, false, false)));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to show field by field.
        }

        return result;
    }

    private static void Collect(JsonElement? value, HashSet<Guid> ids)
    {
        if (value is not { } v)
        {
            return;
        }

        if (v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var id))
        {
            ids.Add(id);
        }
        else if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in v.EnumerateArray())
            {
                Collect(item, ids);
            }
        }
    }

    private string Format(string entity, IEntityType? type, string field, JsonElement? value, Dictionary<Guid, string> names)
    {
        if (value is not { } v || v.ValueKind == JsonValueKind.Null)
        {
            return "∅";
        }

        switch (v.ValueKind)
        {
            case JsonValueKind.True:
                return l["AuditTrail.True"];
            case JsonValueKind.False:
                return l["AuditTrail.False"];
            case JsonValueKind.Array:
                var items = v.EnumerateArray().Select(i => Format(entity, type, field, i, names)).ToList();
                return items.Count == 0 ? "∅" : string.Join(Languages.Current == Languages.English ? ", " : "、", items);
            case JsonValueKind.String:
                var text = v.GetString() ?? "";
                if (text.Length == 0)
                {
                    return l["AuditTrail.Empty"];
                }

                if (Guid.TryParse(text, out var id))
                {
                    return names.GetValueOrDefault(id, text);
                }

                if (text.Length >= 20 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                {
                    return clock.Format(instant);
                }

                var clrType = type?.FindProperty(field)?.ClrType;
                var enumType = clrType is null ? null : Nullable.GetUnderlyingType(clrType) ?? clrType;
                if (enumType is { IsEnum: true } && Resource($"{EnumWords.GetValueOrDefault(enumType.Name, enumType.Name)}.{text}") is { } word)
                {
                    return word;
                }

                return Resource($"TrailValue.{entity}.{field}.{text}")
                    ?? (field.EndsWith("Roles", StringComparison.Ordinal) ? Resource("Role." + text) : null)
                    ?? text;
            default:
                return v.ToString();
        }
    }

    /// <summary>The names of the records these ids belong to (people, departments, audits, inspections…), in the reader's language.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(HashSet<Guid> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return names;
        }

        var language = Languages.Current;
        var list = ids.ToList();
        void Add(IEnumerable<(Guid Id, string Name)> found)
        {
            foreach (var (id, name) in found)
            {
                names.TryAdd(id, name);
            }
        }

        Add((await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? "")));
        Add((await db.Departments.AsNoTracking().Where(d => list.Contains(d.Id)).Select(d => new { d.Id, d.NameJa, d.NameEn }).ToListAsync(cancellationToken))
            .Select(d => (d.Id, CatalogText.Pick(language, d.NameJa, d.NameEn))));
        Add((await db.Roles.AsNoTracking().Where(r => list.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
            .Select(r => (r.Id, Resource("Role." + r.Name) ?? r.Name ?? "")));
        Add((await db.Inspections.AsNoTracking().Where(i => list.Contains(i.Id))
                .Select(i => new { i.Id, i.Department.NameJa, i.Department.NameEn, i.PeriodStart, i.PeriodEnd }).ToListAsync(cancellationToken))
            .Select(i => (i.Id, $"{CatalogText.Pick(language, i.NameJa, i.NameEn)} {InspectionText.Period(i.PeriodStart, i.PeriodEnd)}")));
        Add((await db.Contractors.AsNoTracking().Where(c => list.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.Name)));
        Add((await db.Audits.AsNoTracking().Where(a => list.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Title)));
        Add((await db.AuditProgrammes.AsNoTracking().Where(p => list.Contains(p.Id)).Select(p => new { p.Id, p.FiscalYear }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, l["Audits.Programme", p.FiscalYear].Value)));
        Add((await db.Incidents.AsNoTracking().Where(i => list.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(cancellationToken)).Select(i => (i.Id, i.Title)));
        Add((await db.DataSubjectRequests.AsNoTracking().Where(r => list.Contains(r.Id)).Select(r => new { r.Id, r.Reference }).ToListAsync(cancellationToken))
            .Select(r => (r.Id, r.Reference)));
        Add((await db.LedgerEntries.AsNoTracking().Where(e => list.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken)).Select(e => (e.Id, e.Name)));
        Add((await db.CheckItems.AsNoTracking().Where(c => list.Contains(c.Id)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.Code)));
        Add((await db.Measures.AsNoTracking().Where(m => list.Contains(m.Id)).Select(m => new { m.Id, m.Code }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Code)));
        Add((await db.CatalogVersions.AsNoTracking().Where(v => list.Contains(v.Id)).Select(v => new { v.Id, v.TitleJa, v.TitleEn, v.Number }).ToListAsync(cancellationToken))
            .Select(v => (v.Id, $"{CatalogText.Pick(language, v.TitleJa, v.TitleEn)} v{v.Number}")));
        Add((await db.Answers.AsNoTracking().Where(a => list.Contains(a.Id)).Select(a => new { a.Id, a.CheckItem.Code }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Code)));
        Add((await db.CorrectiveActions.AsNoTracking().Where(a => list.Contains(a.Id)).Select(a => new { a.Id, a.Action }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Action.Length > 40 ? a.Action[..40] + "…" : a.Action)));
        Add((await db.Findings.AsNoTracking().Where(f => list.Contains(f.Id)).Select(f => new { f.Id, f.Audit.Title, f.MeasureCode, f.CheckItemCode }).ToListAsync(cancellationToken))
            .Select(f => (f.Id, $"{f.Title} {(f.CheckItemCode.Length > 0 ? f.CheckItemCode : f.MeasureCode)}")));
        Add((await db.TrainingSessions.AsNoTracking().Where(s => list.Contains(s.Id)).Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Title)));
        Add((await db.InspectionSchedules.AsNoTracking().Where(s => list.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.Name)));
        Add((await db.AuditRules.AsNoTracking().Where(r => list.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.Name)));
        return names;
    }
}
