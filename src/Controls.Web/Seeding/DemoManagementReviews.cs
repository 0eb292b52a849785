using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Seeding;

/// <summary>
/// The demo organisation's management review of last fiscal year (マネジメントレビュー), held by the
/// president in May: its inputs by hand, a decision, and instructions given to department heads —
/// one done and verified, one implemented, one planned, one overdue — so this year's review has
/// open instructions to follow up. Part of the one-time demo seed.
/// </summary>
public static class DemoManagementReviews
{
    public static async Task<int> AddAsync(AppDbContext db, DateOnly today, DateTimeOffset now, int fiscalYearStartMonth, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var heads = await db.Departments.Where(d => d.HeadUserId != null).ToDictionaryAsync(d => d.Code, d => (d.Id, Head: d.HeadUserId!.Value), cancellationToken);
        var officer = await db.Users.Where(u => u.Email == "privacy@sakura.example").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (officer == Guid.Empty || !new[] { "BIZ-MKT", "ADM-GA", "ADM-HR", "SLS-CS" }.All(heads.ContainsKey))
        {
            return 0;
        }

        var lastYear = ReportPeriod.CurrentFiscalYear(today, fiscalYearStartMonth).Previous(fiscalYearStartMonth);
        var heldOn = lastYear.End.AddDays(52);
        if (heldOn > today)
        {
            heldOn = today.AddDays(-1);
        }

        var review = new ManagementReview
        {
            Id = Guid.NewGuid(),
            Kind = ManagementReviewKind.Annual,
            HeldOn = heldOn,
            PeriodStart = lastYear.Start,
            PeriodEnd = lastYear.End,
            Chair = "代表取締役 清水 誠",
            Attendees = "個人情報保護管理者 加藤 由美、内部監査責任者 松本 健一、管理本部長",
            Complaints = "お客様からの苦情 3 件(メールマガジンの配信停止の遅れ 2 件、電話応対 1 件)。いずれも対応済み。開示等の請求 1 件(回答済み)。",
            ChangesInCircumstances = "個人情報保護委員会ガイドライン(通則編)の一部改正。海外(米国・シンガポール)の委託先の利用拡大。",
            OtherInputs = "今年度の目標(全部門の自己点検の期限内提出、研修受講率 100%)は、研修受講率が 96% で未達。",
            Conclusion = "個人情報保護マネジメントシステムは概ね適切に運用されている。海外の委託先の監督と、従業者の教育を重点的に強化すること。",
            CreatedAt = now,
            CreatedById = officer,
        };
        db.ManagementReviews.Add(review);

        void Output(ManagementReviewOutputKind kind, string text, string? department = null, DateOnly? dueOn = null, CorrectiveActionStatus status = CorrectiveActionStatus.Open)
        {
            var output = review.AddOutput(kind, text, officer, now);
            db.ManagementReviewOutputs.Add(output);
            if (department is not null && dueOn is { } due)
            {
                var action = output.TurnIntoAction(heads[department].Id, heads[department].Head, due, officer, now);
                // The owner's steps (planned now, or implemented a month ago), then the officer's effectiveness check ten days ago.
                if (status is CorrectiveActionStatus.Planned)
                {
                    Check(action.MoveTo(CorrectiveActionStatus.Planned, now));
                }

                if (status is CorrectiveActionStatus.Implemented or CorrectiveActionStatus.Verified)
                {
                    Check(action.MoveTo(CorrectiveActionStatus.Implemented, now.AddDays(-30)));
                }

                if (status is CorrectiveActionStatus.Verified)
                {
                    Check(action.CheckEffectiveness(true, "改訂した手順で報告訓練を行い、全員が手順どおりに報告できることを確認した。", officer, now.AddDays(-10)));
                }

                db.CorrectiveActions.Add(action);
            }
        }

        Output(ManagementReviewOutputKind.Instruction, "海外の委託先について、年 1 回の書面監査を行い、その結果を報告すること。", "BIZ-MKT", today.AddMonths(2), CorrectiveActionStatus.Planned);
        Output(ManagementReviewOutputKind.Instruction, "標的型メールの訓練を全従業者に実施すること。", "ADM-GA", today.AddDays(-20));
        Output(ManagementReviewOutputKind.Decision, "個人情報保護方針を改訂し、今年度の個人情報保護目標を定める。");
        Output(ManagementReviewOutputKind.ResourceNeed, "内部監査員を 2 名追加で養成する(外部研修の受講費用を予算化)。", "ADM-HR", lastYear.End.AddYears(1), CorrectiveActionStatus.Implemented);
        Output(ManagementReviewOutputKind.Instruction, "漏えい等事案の社内報告の手順を見直し、報告訓練を行うこと。", "SLS-CS", heldOn.AddMonths(3), CorrectiveActionStatus.Verified);
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }

    private static void Check(string? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException("A demo action does not follow its own rules: " + refusal);
        }
    }
}
