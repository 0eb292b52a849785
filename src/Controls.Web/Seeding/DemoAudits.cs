using System.Security.Claims;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Actions;
using Controls.Web.Features.Audits;
using Controls.Web.Features.Inspections;
using Controls.Web.Infrastructure.Authorization;
using Controls.Web.Infrastructure.Mail;
using Controls.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Controls.Web.Seeding;

/// <summary>
/// The demo organisation's internal audits, played through the audit feature classes as the demo
/// auditor (内部監査室, so independent of every audited department) and the department heads, each
/// step on its own date (a fixed clock per step, like a request on that day):
/// a closed audit of 総務部 (conforming / nonconforming / observation results, a random sample from
/// its recorded seed, a minor nonconformity whose corrective action the auditor verified, a closed
/// observation); an audit in fieldwork of a sales department whose self-inspection disagrees with
/// it (an open major nonconformity with its action planned, a minor one whose action is overdue);
/// the follow-up audit scheduled to re-check both; and the coming audits of the programme, one
/// scheduled, three planned; and this fiscal year's PMS internal audit against the JIS Q 15001 catalog,
/// in fieldwork, with results on four requirement areas and findings citing clauses (a minor
/// nonconformity of the risk assessment with its corrective action). Part of the one-time demo seed; a broken rule stops the seed.
/// </summary>
public sealed class DemoAudits(AppDbContext db, AuditorIndependence independence, InspectionAccess access, IUserClaimsPrincipalFactory<AppUser> principals,
    IStringLocalizer<SharedResource> l, IStringLocalizerFactory localizers, IOptions<MailOptions> mail)
{
    public sealed record Result(int Audits, int Findings);

    /// <summary>The built-in JIS Q 15001 PMS catalog the yearly PMS internal audit is planned against.</summary>
    public const string PmsCatalogKey = "jisq15001-pms";

    /// <summary>The departments the audit in fieldwork may be of, in order of preference: the first whose self-inspection it contradicts.</summary>
    private static readonly string[] FieldworkCandidates = ["SLS-E", "SLS-W", "BIZ-EC"];

    public async Task<Result> AddAsync(DateOnly today, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var catalogId = await db.Catalogs.Where(c => c.Key == "appi-security-measures").Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        var auditor = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == "audit@sakura.example", cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, cancellationToken);
        string[] needed = ["ADM-GA", "ADM-HR", "ADM-IT", "BIZ-MKT", "SLS-CS", .. FieldworkCandidates];
        if (catalogId is not { } catalog || auditor is null || needed.Any(code => !departments.TryGetValue(code, out var d) || d.HeadUserId is null))
        {
            return new Result(0, 0);
        }

        var fiscalStartMonth = await db.OrganisationSettings.Select(s => s.FiscalYearStartMonth).SingleAsync(cancellationToken);
        var auditorId = auditor.Id;
        var me = await principals.CreateAsync(auditor);

        // Who is heard on which day: a fresh context (like a request) and a clock stopped at that hour.
        Steps At(int day, int hour)
        {
            db.ChangeTracker.Clear();
            var local = today.AddDays(day).ToDateTime(new TimeOnly(hour, 0));
            var instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
            var clock = new StoppedClock(instant < now ? instant : now);
            var lifecycle = new AuditLifecycle(db, new Notifier(db, clock, localizers, mail), clock, l);
            var save = new SaveAudit(db, independence, lifecycle, clock, l);
            return new Steps(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime), save, lifecycle, new RecordAuditTest(db, clock, l),
                new RecordFinding(db, clock, l), new VerifyCorrectiveAction(db, clock, l), new UpdateActionStatus(db, access, clock, l), new FollowUpAudits(db, save, l));
        }

        async Task<Guid> PlanAsync((int Day, int Hour) on, string title, Guid department, string measures, int start, int end, Guid? otherCatalog = null, List<Guid>? more = null)
        {
            var state = new ModelStateDictionary();
            var input = new AuditInput
            {
                Title = title,
                CatalogId = otherCatalog ?? catalog,
                DepartmentIds = [department, .. more ?? []],
                MeasureCodes = measures,
                WindowStart = today.AddDays(start),
                WindowEnd = today.AddDays(end),
                LeadAuditorId = auditorId,
            };
            return await At(on.Day, on.Hour).Save.CreateAsync(me, state, input, fiscalStartMonth, cancellationToken) ?? throw Refused(title, state);
        }

        async Task StepAsync(Guid auditId, AuditStatus next, (int Day, int Hour) on)
        {
            var steps = At(on.Day, on.Hour);
            var audit = await db.Audits.SingleAsync(a => a.Id == auditId, cancellationToken);
            if (await steps.Lifecycle.ChangeStatusAsync(me, audit, next.ToString(), null, audit.Version, cancellationToken) is { } error)
            {
                throw Refused($"{audit.Title} → {next}", error);
            }
        }

        async Task TestAsync(Guid auditId, (int Day, int Hour) on, AuditTestInput input)
        {
            var steps = At(on.Day, on.Hour);
            var audit = await db.Audits.AsNoTracking().SingleAsync(a => a.Id == auditId, cancellationToken);
            Check($"{audit.Title} {input.MeasureCode}", await steps.Test.SaveAsync(me, audit, audit.MeasureCodes, input, cancellationToken));
        }

        async Task<Guid> FindingAsync(Guid auditId, (int Day, int Hour) on, FindingInput input)
        {
            var steps = At(on.Day, on.Hour);
            var audit = await db.Audits.AsNoTracking().SingleAsync(a => a.Id == auditId, cancellationToken);
            var measures = await AuditContent.MeasuresAsync(db, audit, cancellationToken);
            var (id, errors) = await steps.Finding.CreateAsync(me, audit, measures, input, steps.Today, cancellationToken);
            Check($"{audit.Title} {input.MeasureCode}", errors);
            return id!.Value;
        }

        async Task ActionStepAsync(Guid findingId, ClaimsPrincipal owner, CorrectiveActionStatus next, (int Day, int Hour) on)
        {
            var steps = At(on.Day, on.Hour);
            var action = await db.Findings.Where(f => f.Id == findingId).Select(f => new { Id = f.CorrectiveActionId!.Value, f.CorrectiveAction!.Version }).SingleAsync(cancellationToken);
            var result = await steps.Action.UpdateAsync(owner, action.Id, next.ToString(), action.Version, cancellationToken);
            Check($"action → {next}", result.Errors);
            if (!result.Succeeded)
            {
                throw Refused($"action → {next}", result.Outcome.ToString());
            }
        }

        var generalAffairs = departments["ADM-GA"];
        var generalAffairsHead = await PrincipalAsync(generalAffairs.HeadUserId!.Value);

        // 1. Closed: 総務部, about three months ago, results of every kind; its minor nonconformity verified, its observation closed.
        var closed = await PlanAsync((-130, 10), "総務部 内部監査(物理的安全管理措置)", generalAffairs.Id, "PHY-1, PHY-2, PHY-4", -100, -96);
        await StepAsync(closed, AuditStatus.Scheduled, (-120, 10));
        await StepAsync(closed, AuditStatus.InFieldwork, (-100, 9));
        await TestAsync(closed, (-100, 15), new AuditTestInput
        {
            MeasureCode = "PHY-1",
            Procedure = "管理区域(人事・総務書庫、サーバー室前室)の入退室記録から無作為に抽出した日について、入室者が入室権限者一覧に載っていること、来訪者の入室に社員が同行し、来客受付簿に記録があることを確かめた。",
            Inspected = "入退室管理システムの記録(直近 3 か月、62 営業日分)、入室権限者一覧、来客受付簿",
            PopulationSize = 62,
            SampleSize = 10,
            Method = SamplingMethod.Random,
            Seed = 41729,
            Result = AuditTestResult.Conforming,
            Notes = "抽出した 10 日分のすべてで、権限者以外の単独入室はなく、来訪者には社員が同行していた。",
        });
        await TestAsync(closed, (-99, 19), new AuditTestInput
        {
            MeasureCode = "PHY-2",
            Procedure = "終業後(19 時以降)に 2 回、個人データを含む書類を保管するキャビネットの施錠状況を抜き打ちで確認し、鍵管理簿と照合した。",
            Inspected = "総務部フロアのキャビネット 12 台、鍵管理簿",
            PopulationSize = 12,
            Method = SamplingMethod.All,
            Result = AuditTestResult.Nonconforming,
            Notes = "1 回目の確認で、12 台中 2 台(来客受付簿と社員住所録を保管)が施錠されていなかった。2 回目はすべて施錠されていた。",
        });
        await TestAsync(closed, (-98, 14), new AuditTestInput
        {
            MeasureCode = "PHY-4",
            Procedure = "書類の溶解処理とパソコンの廃棄について、廃棄記録簿と業者の廃棄証明書・データ消去証明書を照合した。",
            Inspected = "廃棄記録簿、溶解処理業者の廃棄証明書、パソコン廃棄時のデータ消去証明書",
            Method = SamplingMethod.Judgmental,
            SampleItems = "溶解処理 3 回分(直近 3 か月、各月 1 回)\nパソコン廃棄 1 回分(5 台)",
            Result = AuditTestResult.Observation,
            Notes = "証明書はすべて受領していたが、担当者の机で保管されており、廃棄記録簿との対応が一覧になっていない。",
        });
        var cabinets = await FindingAsync(closed, (-98, 16), new FindingInput
        {
            Classification = FindingClass.MinorNonconformity,
            MeasureCode = "PHY-2",
            CheckItemCode = "PHY-2.1",
            DepartmentId = generalAffairs.Id,
            Description = "個人データを含む書類(来客受付簿、社員住所録)を保管するキャビネット 2 台が、終業後に施錠されていなかった(抜き打ち確認 2 回のうち 1 回、12 台中 2 台)。",
            Evidence = "終業後の施錠状況の確認記録(監査人作成)、鍵管理簿",
            RootCause = "最終退室者が施錠を確かめる決まりはあったが確認の記録がなく、残業時に施錠を他の人に任せたまま退社することがあった。",
            ActionText = "最終退室者がキャビネットの施錠を確かめて施錠確認表に記録する運用を始め、総務課長が毎週、確認表を点検する。",
            OwnerId = generalAffairs.HeadUserId,
            DueOn = today.AddDays(-68),
        });
        var certificates = await FindingAsync(closed, (-98, 16), new FindingInput
        {
            Classification = FindingClass.Observation,
            MeasureCode = "PHY-4",
            CheckItemCode = "PHY-4.4",
            DepartmentId = generalAffairs.Id,
            Description = "溶解処理業者の廃棄証明書は受領しているが、担当者の机の引き出しで保管されており、廃棄記録簿との対応が一覧になっていない。保管場所を決め、廃棄記録簿から証明書をたどれるようにすることが望まれる。",
            Evidence = "廃棄記録簿、廃棄証明書 3 通",
        });
        await StepAsync(closed, AuditStatus.Reporting, (-95, 10));
        await ActionStepAsync(cabinets, generalAffairsHead, CorrectiveActionStatus.Planned, (-93, 11));
        await ActionStepAsync(cabinets, generalAffairsHead, CorrectiveActionStatus.Implemented, (-76, 17));
        {
            var steps = At(-62, 15);
            var finding = await db.Findings.Include(f => f.CorrectiveAction).SingleAsync(f => f.Id == cabinets, cancellationToken);
            Check("verify", await steps.Verify.DecideAsync(me, finding, true,
                "是正後に終業後の施錠状況を 3 回(うち 2 回は抜き打ち)確認し、すべてのキャビネットの施錠と施錠確認表への記録を確かめた。確認表は総務課長が毎週点検している。是正処置は有効と判断する。",
                finding.CorrectiveAction!.Version, cancellationToken));
        }

        {
            var steps = At(-62, 15);
            var finding = await db.Findings.SingleAsync(f => f.Id == certificates, cancellationToken);
            Check("close observation", await steps.Verify.CloseAsync(me, finding, finding.Version, cancellationToken));
        }

        await StepAsync(closed, AuditStatus.Closed, (-60, 17));

        // 2. In fieldwork: a sales department whose self-inspection says "yes" where the audit finds otherwise.
        var results = new Dictionary<string, AuditTestResult?> { ["TEC-1"] = AuditTestResult.Nonconforming, ["ORG-2"] = AuditTestResult.Nonconforming, ["PHY-3"] = AuditTestResult.Conforming };
        var comparison = new SelfInspectionComparison(db);
        var sales = departments[FieldworkCandidates[0]];
        foreach (var code in FieldworkCandidates)
        {
            var answers = await comparison.LatestAsync(new Audit { DepartmentIds = [departments[code].Id] }, results.Keys.ToList(), cancellationToken);
            if (SelfInspectionComparison.CountDisagreements(answers, results) > 0)
            {
                sales = departments[code];
                break;
            }
        }

        var salesHead = await PrincipalAsync(sales.HeadUserId!.Value);
        var fieldwork = await PlanAsync((-50, 10), $"{sales.NameJa} 内部監査(アクセス権の管理・個人データの持出し)", sales.Id, "ORG-2, PHY-3, TEC-1", -12, 4);
        await StepAsync(fieldwork, AuditStatus.Scheduled, (-35, 10));
        await StepAsync(fieldwork, AuditStatus.InFieldwork, (-12, 9));
        await TestAsync(fieldwork, (-12, 16), new AuditTestInput
        {
            MeasureCode = "TEC-1",
            Procedure = "顧客管理システム(SFA)の利用者アカウント一覧を人事部の在籍者名簿・異動発令と突き合わせ、退職者・異動者のアカウントが残っていないか、権限が業務に必要な範囲かを確かめた。あわせて、直近のアクセス権の棚卸しの記録を確認した。",
            Inspected = "SFA の利用者アカウント一覧(38 件)、在籍者名簿、異動発令、アクセス権の棚卸し記録",
            PopulationSize = 38,
            Method = SamplingMethod.All,
            Result = AuditTestResult.Nonconforming,
            Notes = "退職者 2 名・異動者 1 名のアカウントが有効なまま残っていた。直近の棚卸しは 7 か月前で、四半期ごとの棚卸しが行われていない。",
        });
        await TestAsync(fieldwork, (-11, 14), new AuditTestInput
        {
            MeasureCode = "ORG-2",
            Procedure = "持出し記録簿から無作為に抽出した持出しについて、記入内容(日時、持出し者、持ち出した物、承認者、返却日)を入退館記録・営業日報と照合した。",
            Inspected = "持出し記録簿(直近 3 か月、64 件)、入退館記録、営業日報",
            PopulationSize = 64,
            SampleSize = 20,
            Method = SamplingMethod.Random,
            Seed = 52817,
            Result = AuditTestResult.Nonconforming,
            Notes = "抽出した 20 件のうち 3 件で持出しの記入がなく(営業日報から持出しを確認)、ほかに 2 件で返却日が記入されていなかった。",
        });
        await TestAsync(fieldwork, (-10, 11), new AuditTestInput
        {
            MeasureCode = "PHY-3",
            Procedure = "社外に持ち出すノートパソコンを無作為に抽出し、端末全体の暗号化と遠隔消去の設定を資産管理ツールで確かめた。",
            Inspected = "資産管理ツールの端末一覧(営業用ノートパソコン 45 台)",
            PopulationSize = 45,
            SampleSize = 8,
            Method = SamplingMethod.Random,
            Seed = 80613,
            Result = AuditTestResult.Conforming,
            Notes = "抽出した 8 台すべてで、ディスク全体の暗号化が有効になっており、遠隔消去の対象に登録されていた。",
        });
        var accounts = await FindingAsync(fieldwork, (-10, 16), new FindingInput
        {
            Classification = FindingClass.MajorNonconformity,
            MeasureCode = "TEC-1",
            CheckItemCode = "TEC-1.5",
            DepartmentId = sales.Id,
            Description = "退職者 2 名と異動者 1 名のアカウントが、顧客管理システム(SFA)で有効なまま残っていた(うち 1 件は退職から 2 か月経過)。直近のアクセス権の棚卸しは 7 か月前で、四半期ごとの棚卸しが行われていない。",
            Evidence = "SFA の利用者アカウント一覧と在籍者名簿の突合結果、該当アカウントの最終ログイン記録(退職・異動後のログインはなし)",
            RootCause = "人事発令の情報が部のシステム管理担当に伝わる手順がなく、アクセス権の棚卸しの担当者と時期も決まっていなかった。",
            ActionText = "該当する 3 アカウントは監査当日に無効化済み。人事発令と連動したアカウントの変更・削除の手順を定め、四半期ごとのアクセス権の棚卸しを部長の承認を得て記録する。",
            OwnerId = sales.HeadUserId,
            DueOn = today.AddDays(21),
        });
        var carryOut = await FindingAsync(fieldwork, (-10, 16), new FindingInput
        {
            Classification = FindingClass.MinorNonconformity,
            MeasureCode = "ORG-2",
            CheckItemCode = "ORG-2.3",
            DepartmentId = sales.Id,
            Description = "顧客リストを含むノートパソコン・書類の持出しについて、抽出した 20 件のうち 3 件が持出し記録簿に記録されていなかった。ほかに 2 件で返却日が記入されていなかった。",
            Evidence = "持出し記録簿、入退館記録、営業日報(記録のない 3 件は日報から持出しを確認)",
            RootCause = "外出直前の持出しが多く、記入を後回しにする運用が続いていた。課内で記入状況を確かめる人も決まっていなかった。",
            ActionText = "持出し記録簿の記入ルールを部内会議で再周知し、各課長が毎週金曜日に記入漏れと未返却がないことを確かめる。",
            OwnerId = sales.HeadUserId,
            DueOn = today.AddDays(-3),
        });
        await ActionStepAsync(accounts, salesHead, CorrectiveActionStatus.Planned, (-6, 10));

        // 3. The follow-up, scheduled after the major nonconformity's due date to re-check both open findings.
        {
            var steps = At(-2, 16);
            var original = await db.Audits.AsNoTracking().SingleAsync(a => a.Id == fieldwork, cancellationToken);
            var open = await steps.FollowUp.OpenFindings(fieldwork).OrderBy(f => f.CreatedAt).Select(f => f.Id).ToListAsync(cancellationToken);
            var state = new ModelStateDictionary();
            var title = $"{sales.NameJa} フォローアップ監査(アクセス権の棚卸し・持出し記録)";
            var input = new AuditInput { Title = title, WindowStart = today.AddDays(28), WindowEnd = today.AddDays(30), LeadAuditorId = auditorId };
            var followUp = await steps.FollowUp.CreateAsync(me, state, original, input, open, fiscalStartMonth, cancellationToken) ?? throw Refused(title, state);
            await StepAsync(followUp, AuditStatus.Scheduled, (-1, 10));
        }

        // 4. The rest of the programme: one scheduled (its auditees told), three planned over the coming months.
        var humanResources = await PlanAsync((-40, 10), "人事部 内部監査(従業者の教育・個人データ取扱台帳)", departments["ADM-HR"].Id, "HUM-1, ORG-3", 14, 18);
        await StepAsync(humanResources, AuditStatus.Scheduled, (-1, 11));
        await PlanAsync((-40, 10), "情報システム部 内部監査(アクセス制御・不正アクセスの防止)", departments["ADM-IT"].Id, "TEC-1, TEC-2, TEC-3", 45, 51);
        await PlanAsync((0, 9), "マーケティング部 臨時監査(メール誤送信の防止・外国での取扱い)", departments["BIZ-MKT"].Id, "TEC-4, EXT-1", 70, 74);
        await PlanAsync((-40, 10), "カスタマーサポート部 内部監査(取扱台帳・漏えい等事案への対応体制)", departments["SLS-CS"].Id, "ORG-3, ORG-4", 100, 104);

        // 5. This fiscal year's PMS internal audit (JIS Q 15001), in fieldwork: the requirement areas a PrivacyMark office checks every year.
        var pmsCatalog = await db.Catalogs.Where(c => c.Key == PmsCatalogKey).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (pmsCatalog is { } pms)
        {
            await AddPmsAuditAsync(pms);
        }

        db.ChangeTracker.Clear();
        return new Result(await db.Audits.CountAsync(cancellationToken), await db.Findings.CountAsync(cancellationToken));

        async Task AddPmsAuditAsync(Guid pms)
        {
            var support = departments["SLS-CS"];
            var hr = departments["ADM-HR"];
            var audit = await PlanAsync((-45, 10), "PMS 内部監査(JIS Q 15001 リスクアセスメント・教育・開示等の請求・内部監査)", support.Id,
                "PMS-4, PMS-6, PMS-16, PMS-20", -8, 10, pms, [hr.Id, generalAffairs.Id]);
            await StepAsync(audit, AuditStatus.Scheduled, (-30, 10));
            await StepAsync(audit, AuditStatus.InFieldwork, (-8, 9));
            await TestAsync(audit, (-8, 15), new AuditTestInput
            {
                MeasureCode = "PMS-4",
                Procedure = "個人データ取扱台帳の全件について、ライフサイクルの各段階のリスク分析の記録と、前回の分析からの経過期間を確かめた。",
                Inspected = "個人データ取扱台帳(6 件)、リスク分析一覧",
                PopulationSize = 6,
                Method = SamplingMethod.All,
                Result = AuditTestResult.Nonconforming,
                Notes = "6 件のうちリスク分析の記録があるのは 2 件で、うち 1 件は前回の分析から 1 年を過ぎていた。カスタマーサポート部の顧客管理データは分析されていない。",
            });
            await TestAsync(audit, (-7, 14), new AuditTestInput
            {
                MeasureCode = "PMS-6",
                Procedure = "今年度の全社研修の受講記録と理解度確認テストの結果を従業者名簿と照合し、未受講者・未合格者へのフォローを確かめた。",
                Inspected = "研修の受講記録、理解度確認テストの結果、従業者名簿",
                PopulationSize = 40,
                Method = SamplingMethod.All,
                Result = AuditTestResult.Conforming,
                Notes = "受講と理解度の確認が記録されており、未合格者には再受験の案内が送られていた。紙で実施した結果の取り込みに数週間かかっている。",
            });
            await TestAsync(audit, (-6, 11), new AuditTestInput
            {
                MeasureCode = "PMS-16",
                Procedure = "直近 6 か月の開示等の請求について、受付から回答までの記録と本人確認の方法を確かめた。",
                Inspected = "問い合わせ管理システムの記録、回答書の控え",
                Method = SamplingMethod.Judgmental,
                SampleItems = "開示請求 2 件、利用停止請求 1 件",
                Result = AuditTestResult.Observation,
                Notes = "回答期限内に対応していたが、請求の受付記録が問い合わせ記録と混在しており、件数と期限を一覧できない。",
            });
            await FindingAsync(audit, (-6, 16), new FindingInput
            {
                Classification = FindingClass.MinorNonconformity,
                MeasureCode = "PMS-4",
                CheckItemCode = "PMS-4.3",
                DepartmentId = support.Id,
                Description = "顧客管理データ(カスタマーサポート部)について、取得から廃棄までの各段階のリスク分析が行われていない。台帳 6 件のうち、分析の記録があるのは 2 件だけだった。",
                Evidence = "個人データ取扱台帳、リスク分析一覧(監査日時点)",
                RootCause = "台帳への登録とリスク分析が別の手順になっており、登録時に分析を求める決まりがなかった。",
                ActionText = "顧客管理データのリスク分析を行い、台帳への登録・変更の手順にリスク分析を加える。個人情報保護管理者が四半期ごとに未分析の台帳がないことを確かめる。",
                OwnerId = support.HeadUserId,
                DueOn = today.AddDays(30),
            });
            await FindingAsync(audit, (-6, 16), new FindingInput
            {
                Classification = FindingClass.Observation,
                MeasureCode = "PMS-16",
                CheckItemCode = "PMS-16.1",
                DepartmentId = support.Id,
                Description = "開示等の請求の受付記録が一般の問い合わせ記録と混在しており、請求の件数と回答期限を一覧できない。請求の受付簿を分けることが望まれる。",
                Evidence = "問い合わせ管理システムの記録(直近 6 か月)",
            });
            await FindingAsync(audit, (-5, 10), new FindingInput
            {
                Classification = FindingClass.OpportunityForImprovement,
                MeasureCode = "PMS-6",
                CheckItemCode = "PMS-6.4",
                DepartmentId = hr.Id,
                Description = "紙で実施した理解度確認テストの結果の取り込みに数週間かかっている。実施後 1 週間以内に取り込むと、未合格者への案内が早まる。",
                Evidence = "理解度確認テストの結果(紙で実施した分の受験日と記録日)",
            });
        }
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(Guid userId) =>
        await principals.CreateAsync(await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));

    private static void Check(string step, IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw Refused(step, string.Join(" ", errors));
        }
    }

    private static InvalidOperationException Refused(string step, ModelStateDictionary state) =>
        Refused(step, string.Join(" ", state.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));

    private static InvalidOperationException Refused(string step, string reason) => new($"Demo audits: {step} was refused: {reason}");

    private sealed record Steps(DateOnly Today, SaveAudit Save, AuditLifecycle Lifecycle, RecordAuditTest Test, RecordFinding Finding,
        VerifyCorrectiveAction Verify, UpdateActionStatus Action, FollowUpAudits FollowUp);

    /// <summary>The time of one step of the story.</summary>
    private sealed class StoppedClock(DateTimeOffset instant) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => instant;
    }
}
