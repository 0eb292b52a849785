using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Schedules;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Seeding;

/// <summary>
/// The demo organisation's living part: contractors, a quarterly APPI schedule for every
/// department and an annual contractor review since the start of the fiscal year, and the
/// generated inspections moved through every state (not started, in progress, submitted,
/// returned, accepted, overdue) with answers and improvement actions, then the registers
/// (<see cref="DemoRegisters"/>) and the internal audits (<see cref="DemoAudits"/>). Deterministic (seeded).
/// </summary>
public sealed class DemoActivity(AppDbContext db, GenerateDueInspections generate, DemoAudits audits, TimeProvider time)
{
    public sealed record Result(int Contractors, int Schedules, int Inspections);

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        var catalogs = await db.Catalogs.ToDictionaryAsync(c => c.Key, c => c.Id, cancellationToken);
        if (!catalogs.TryGetValue("appi-security-measures", out var measures) || !catalogs.TryGetValue("appi-contractor-supervision", out var supervision))
        {
            return new Result(0, 0, 0);
        }

        var now = time.GetUtcNow();
        var settings = await db.OrganisationSettings.SingleAsync(cancellationToken);
        var zone = Periods.Zone(settings.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var fiscalYear = Periods.Containing(ScheduleRecurrence.Annual, today, settings.FiscalYearStartMonth).Start;
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);

        var contractors = new List<Contractor>
        {
            Contractor("さくらクラウドサービス株式会社", "顧客管理システムの運用保守(SaaS)", "顧客の氏名・連絡先・購入履歴", departments["SLS-CS"].Id, ["JP"], privacyMark: today.AddYears(1), isms: today.AddMonths(2)),
            Contractor("Pacific Mail Solutions Inc.", "メール配信サービス", "会員のメールアドレス・氏名", departments["BIZ-MKT"].Id, ["US", "SG"], isms: today.AddMonths(8)),
            Contractor("株式会社ひかり給与計算センター", "給与計算・年末調整の代行", "従業員の氏名・住所・マイナンバー・給与・扶養情報(要配慮を含む)", departments["ADM-HR"].Id, ["JP"], privacyMark: today.AddMonths(-1), specialCare: true),
            Contractor("大阪ロジスティクス株式会社", "EC 商品の配送", "購入者の氏名・住所・電話番号", departments["BIZ-EC"].Id, ["JP"], reoutsourcing: "地域配送会社 3 社(関西・中部・九州)に再委託"),
        };
        db.Contractors.AddRange(contractors);

        db.InspectionSchedules.AddRange(
            new InspectionSchedule
            {
                Id = Guid.NewGuid(),
                Name = "個人データ安全管理措置 四半期自己点検",
                CatalogId = measures,
                Targets = ScheduleTargets.AllDepartments,
                Recurrence = ScheduleRecurrence.Quarterly,
                DueDays = 60,
                StartsOn = fiscalYear,
                TimeZone = settings.TimeZone,
                Status = ScheduleStatus.Active,   // a new schedule's first status, as Schedules/Create records it
                CreatedAt = now,
            },
            new InspectionSchedule
            {
                Id = Guid.NewGuid(),
                Name = "委託先の監督 年次レビュー",
                CatalogId = supervision,
                Targets = ScheduleTargets.Contractors,
                Recurrence = ScheduleRecurrence.Annual,
                DueDays = 90,
                StartsOn = fiscalYear,
                TimeZone = settings.TimeZone,
                Status = ScheduleStatus.Active,   // a new schedule's first status, as Schedules/Create records it
                CreatedAt = now,
            });
        await db.SaveChangesAsync(cancellationToken);

        var generated = await generate.RunAsync(now, cancellationToken);
        await PlayAsync(today, cancellationToken);
        await DemoRegisters.AddAsync(db, today, now, zone, cancellationToken);
        await audits.AddAsync(today, now, zone, cancellationToken);
        await DemoManagementReviews.AddAsync(db, today, now, settings.FiscalYearStartMonth, cancellationToken);
        return new Result(contractors.Count, 2, generated.Created);

        Contractor Contractor(string name, string services, string data, Guid department, List<string> countries,
            DateOnly? privacyMark = null, DateOnly? isms = null, bool specialCare = false, string? reoutsourcing = null) => new()
            {
                Id = Guid.NewGuid(),
                Name = name,
                Services = services,
                EntrustedData = data,
                OwningDepartmentId = department,
                Countries = countries,
                PrivacyMarkExpiresOn = privacyMark,
                IsmsExpiresOn = isms,
                HandlesSpecialCareData = specialCare,
                ReoutsourcingAllowed = reoutsourcing is not null,
                Subcontractors = reoutsourcing ?? "",
                ContractStartsOn = today.AddYears(-2),
                ContractEndsOn = today.AddMonths(10),
                CreatedAt = now,
            };
    }

    /// <summary>Moves the generated inspections through the review loop: older periods mostly accepted, the current one under way.</summary>
    private async Task PlayAsync(DateOnly today, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var random = new Random(2026);
        var reviewer = await db.Users.Where(u => u.Email == "privacy@sakura.example").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        var heads = await db.Departments.Where(d => d.HeadUserId != null).ToDictionaryAsync(d => d.Id, d => d.HeadUserId!.Value, cancellationToken);
        var inspections = await db.Inspections.OrderBy(i => i.PeriodStart).ThenBy(i => i.TargetKey).ToListAsync(cancellationToken);
        var items = await db.CheckItems.Select(i => new { i.Id, i.Measure.CatalogVersionId, i.Measure.Code, i.SortOrder, MeasureOrder = i.Measure.SortOrder })
            .OrderBy(i => i.MeasureOrder).ThenBy(i => i.SortOrder).ToListAsync(cancellationToken);
        var current = inspections.Count == 0 ? today : inspections.Max(i => i.PeriodStart);

        var index = -1;
        foreach (var inspection in inspections)
        {
            var head = heads.GetValueOrDefault(inspection.DepartmentId);
            if (head == Guid.Empty)
            {
                continue;   // no head to answer: stays not started
            }

            index++;
            var versionItems = items.Where(i => i.CatalogVersionId == inspection.CatalogVersionId).ToList();
            var isCurrent = inspection.PeriodStart == current;
            // Current period: a spread of states; earlier ones: accepted, with a few left behind (overdue, returned, submitted).
            var state = isCurrent
                ? (index % 4) switch { 0 => InspectionStatus.NotStarted, 1 => InspectionStatus.InProgress, 2 => InspectionStatus.Submitted, _ => InspectionStatus.Accepted }
                : (index % 7) switch { 0 => InspectionStatus.NotStarted, 1 => InspectionStatus.Returned, 2 => InspectionStatus.Submitted, _ => InspectionStatus.Accepted };
            if (state == InspectionStatus.NotStarted)
            {
                continue;
            }

            var answered = state == InspectionStatus.InProgress ? versionItems.Take(versionItems.Count / 2) : versionItems;
            var at = Periods.Midnight(inspection.PeriodStart.AddDays(random.Next(3, 30)), TimeZoneInfo.Utc);
            foreach (var item in answered)
            {
                var roll = random.Next(100);
                var value = roll < 78 ? AnswerValue.Yes : roll < 88 ? AnswerValue.Partial : roll < 93 ? AnswerValue.No : AnswerValue.NotApplicable;
                db.Answers.Add(new Answer
                {
                    Id = Guid.NewGuid(),
                    InspectionId = inspection.Id,
                    CheckItemId = item.Id,
                    Value = value,
                    AnsweredAt = at,
                    AnsweredById = head,
                    Comment = value switch
                    {
                        AnswerValue.Partial => "一部の担当者で記録が漏れていました。手順を再周知します。",
                        AnswerValue.No => "現在は実施できていません。改善計画を立てました。",
                        AnswerValue.NotApplicable => "当部門では該当する業務がありません。",
                        _ => "",
                    },
                    ReviewComment = state == InspectionStatus.Returned && value == AnswerValue.Partial ? "記録漏れの件数と再発防止策を具体的に記載してください。" : "",
                });
                if (value is AnswerValue.Partial or AnswerValue.No)
                {
                    db.CorrectiveActions.Add(new CorrectiveAction
                    {
                        Id = Guid.NewGuid(),
                        Source = CorrectiveActionSource.Inspection,
                        DepartmentId = inspection.DepartmentId,
                        InspectionId = inspection.Id,
                        CheckItemId = item.Id,
                        Action = $"{item.Code} の手順を見直し、担当者へ再周知する",
                        OwnerId = head,
                        DueOn = inspection.DueOn.AddDays(30),
                        // Set directly: an earlier period's action was implemented long ago, on no recorded day (MoveTo would record one).
                        Status = state == InspectionStatus.Accepted && !isCurrent ? CorrectiveActionStatus.Implemented : CorrectiveActionStatus.Open,
                        CreatedAt = at,
                        CreatedById = head,
                    });
                }
            }

            // The department head hands it in the day after answering; the compliance officer decides two days later.
            if (state == InspectionStatus.InProgress)
            {
                inspection.StartAnswering();
                continue;
            }

            Check(inspection.Submit(0, true, head, "demo", at.AddDays(1)));
            if (state == InspectionStatus.Accepted)
            {
                Check(inspection.Accept(reviewer, "privacy@sakura.example", "", at.AddDays(3)));
            }
            else if (state == InspectionStatus.Returned)
            {
                Check(inspection.Return("一部の項目について具体的な記載をお願いします。", new Dictionary<Guid, string>(), reviewer, "privacy@sakura.example", at.AddDays(3)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await InspectionScores.RecomputeAllAsync(db, cancellationToken);
    }

    private static void Check(string? refusal) => Check(refusal is null ? [] : [refusal]);

    private static void Check(IReadOnlyList<string> refusals)
    {
        if (refusals.Count > 0)
        {
            throw new InvalidOperationException("A demo inspection does not follow its own rules: " + string.Join(", ", refusals));
        }
    }
}
