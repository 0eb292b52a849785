using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Seeding;

/// <summary>
/// The demo organisation's registers: ledger entries (two handled abroad, one with special-care
/// data, one overdue for its annual review, one due for it within the month), this year's mandatory
/// training with attendance and pledges (a few people left out, so coverage has gaps), a training
/// with a comprehension test and a few results (AddTestedTraining), one
/// reportable incident whose preliminary report is due, and six data subjects' requests in varied
/// states, one of them overdue (AddRequests). Part of the one-time demo seed.
/// </summary>
public static class DemoRegisters
{
    public sealed record Result(int LedgerEntries, int Attendances, int Pledges, int Incidents);

    /// <summary>
    /// The visitor log's risk assessment over the life cycle, done two months ago by General Affairs' head;
    /// the transfer stage's residual risk (2 × 2) still waits for the compliance officer's acceptance.
    /// </summary>
    private static RiskAssessment DemoRiskAssessment(Guid entryId, DateOnly assessedOn, DateTimeOffset now)
    {
        var assessment = RiskAssessment.For(entryId, now);
        StageAssessment Stage(LifeCycleStage stage, string risk, int l, int i, string measures, int rl, int ri) => new(stage, false, risk, l, i, measures, [], rl, ri);
        var errors = assessment.Record(
        [
            Stage(LifeCycleStage.Acquisition, "受付簿が来訪者から見える状態での記入による漏えい(のぞき見)", 3, 2, "1来訪者1枚の記入票に変更、記入後すぐに回収", 1, 2),
            Stage(LifeCycleStage.Input, "記入内容の誤り", 2, 1, "受付担当者が名刺と照合", 1, 1),
            Stage(LifeCycleStage.Transfer, "受付から総務部への運搬中の紛失", 2, 3, "封筒に入れて手渡し、受け渡し記録", 2, 2),
            Stage(LifeCycleStage.Use, "目的外利用(営業目的での連絡)", 1, 2, "利用目的を入館管理に限定し周知", 1, 1),
            Stage(LifeCycleStage.Storage, "保管中の紛失・盗難", 2, 2, "施錠できるキャビネットで保管、鍵の管理", 1, 2),
            Stage(LifeCycleStage.Disposal, "廃棄時の漏えい", 1, 3, "保存期間(1年)経過後にシュレッダー処理、廃棄記録", 1, 2),
            new(LifeCycleStage.Provision, true, "委託・第三者提供なし", null, null, "", [], null, null),
        ], null, "佐藤 花子", assessedOn, now);
        return errors.Count == 0 ? assessment : throw new InvalidOperationException("The demo risk assessment does not follow its own rules");
    }

    /// <summary>
    /// The health-check results' risk assessment, done thirteen months ago by Human Resources' head, so
    /// due for re-assessment; its storage stage keeps a high residual risk (2 × 3) the compliance officer
    /// has not accepted: the PMS audit and the dashboard both show it.
    /// </summary>
    private static RiskAssessment DemoHealthRiskAssessment(Guid entryId, DateOnly assessedOn, DateTimeOffset now)
    {
        var assessment = RiskAssessment.For(entryId, now);
        StageAssessment Stage(LifeCycleStage stage, string risk, int l, int i, string measures, int rl, int ri) => new(stage, false, risk, l, i, measures, [], rl, ri);
        var errors = assessment.Record(
        [
            Stage(LifeCycleStage.Acquisition, "健診機関からの結果の誤送付", 2, 3, "健診機関との契約で送付先と方法(暗号化ファイル)を指定", 1, 2),
            Stage(LifeCycleStage.Input, "入力時の取り違え", 2, 2, "社員番号で照合、2 名で確認", 1, 2),
            Stage(LifeCycleStage.Transfer, "産業医への送付時の誤送信", 2, 3, "共有フォルダで受け渡し、メール添付を禁止", 1, 3),
            Stage(LifeCycleStage.Use, "目的外利用(人事評価への利用)", 1, 3, "利用目的を健康管理に限定し、閲覧者を限定", 1, 2),
            Stage(LifeCycleStage.Storage, "権限のない従業者による閲覧", 3, 3, "人事システムで閲覧権限を産業医と担当者 2 名に限定(紙の控えは施錠保管、鍵の管理は未整備)", 2, 3),
            Stage(LifeCycleStage.Disposal, "廃棄時の漏えい", 1, 3, "保存期間(5 年)経過後に溶解処理、廃棄証明書を保管", 1, 2),
            new(LifeCycleStage.Provision, true, "第三者提供なし(健診機関は委託先として管理)", null, null, "", [], null, null),
        ], null, "鈴木 一郎", assessedOn, now);
        return errors.Count == 0 ? assessment : throw new InvalidOperationException("The demo risk assessment does not follow its own rules");
    }

    public static async Task<Result> AddAsync(AppDbContext db, DateOnly today, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var contractors = await db.Contractors.ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        var users = await db.Users.Where(u => u.IsActive && u.DepartmentId != null).OrderBy(u => u.Email)
            .Select(u => new { u.Id, Email = u.Email ?? "" }).ToListAsync(cancellationToken);
        var officer = await db.Users.Where(u => u.Email == "privacy@sakura.example").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (!departments.ContainsKey("BIZ-MKT") || officer == Guid.Empty)
        {
            return new Result(0, 0, 0, 0);
        }

        Guid? Contractor(string name) => contractors.TryGetValue(name, out var id) ? id : null;

        var mailList = Entry("BIZ-MKT", "メールマガジン会員リスト", "会員情報", "氏名、メールアドレス、購読カテゴリ", "メールマガジンの配信",
            LedgerMedium.Cloud, ["JP", "US", "SG"], PeopleRange.UpTo50000, today.AddMonths(-10), Contractor("Pacific Mail Solutions Inc."));
        var entries = new List<LedgerEntry>
        {
            Entry("SLS-CS", "顧客管理データ", "顧客情報", "氏名、住所、電話番号、購入履歴、問い合わせ履歴", "問い合わせ対応・アフターサービス",
                LedgerMedium.Cloud, ["JP"], PeopleRange.UpTo50000, today.AddMonths(-5), Contractor("さくらクラウドサービス株式会社")),
            mailList,
            Entry("BIZ-EC", "EC サイト購入者情報", "顧客情報", "氏名、住所、電話番号、メールアドレス、注文内容", "商品の発送・代金の請求",
                LedgerMedium.Cloud, ["JP", "US"], PeopleRange.UpTo50000, today.AddYears(-1).AddDays(20), Contractor("大阪ロジスティクス株式会社")),
            Entry("ADM-HR", "従業員の健康診断結果", "従業員情報", "氏名、社員番号、健診結果、既往歴", "健康管理・安全配慮義務の履行",
                LedgerMedium.Electronic, ["JP"], PeopleRange.UpTo1000, today.AddMonths(-3), null, specialCare: true),
            Entry("ADM-HR", "給与・マイナンバー関係書類", "従業員情報", "氏名、住所、個人番号、給与額、扶養情報", "給与計算・源泉徴収・社会保険手続",
                LedgerMedium.Electronic, ["JP"], PeopleRange.UpTo1000, today.AddMonths(-14), Contractor("株式会社ひかり給与計算センター")),
            Entry("ADM-GA", "来客受付簿", "来訪者情報", "氏名、会社名、来訪日時", "入館管理",
                LedgerMedium.Paper, ["JP"], PeopleRange.UpTo5000, today.AddMonths(-6), null),
        };
        db.LedgerEntries.AddRange(entries);
        db.RiskAssessments.Add(DemoRiskAssessment(entries[^1].Id, today.AddMonths(-2), now));
        db.RiskAssessments.Add(DemoHealthRiskAssessment(entries[3].Id, today.AddMonths(-13), now));

        var session = new TrainingSession
        {
            Id = Guid.NewGuid(),
            Title = "個人情報保護研修(全社・必須)",
            HeldOn = today.AddMonths(-4),
            Mandatory = true,
            Material = "研修資料「個人データの安全管理 2026年版」(e ラーニング)",
            CreatedAt = now,
        };
        db.TrainingSessions.Add(session);
        // Everyone takes it except the last two (by e-mail); one more started but did not complete.
        var attendances = users.Take(users.Count - 2).Select((u, i) => new TrainingAttendance
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            UserId = u.Id,
            Completed = i != 3,
            Score = i == 3 ? null : 70 + (i * 7 % 31),
            RecordedAt = now,
        }).ToList();
        db.TrainingAttendances.AddRange(attendances);
        var pledges = users.Where((_, i) => i % 5 != 4).Select(u => new ConfidentialityPledge
        {
            Id = Guid.NewGuid(),
            UserId = u.Id,
            SignedOn = today.AddMonths(-4),
            RecordedAt = now,
        }).ToList();
        db.ConfidentialityPledges.AddRange(pledges);
        // The staff roster's members in service on the session's date: most completed it, some did not
        // attend; most signed a pledge. Coverage then counts them with the users.
        var staff = (await db.StaffMembers.OrderBy(m => m.EmployeeNumber).ToListAsync(cancellationToken))
            .Where(m => m.InServiceOn(session.HeldOn)).ToList();
        var staffAttendances = staff.Where((_, i) => i % 6 != 5).Select((m, i) => new TrainingAttendance
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            StaffMemberId = m.Id,
            Completed = i % 9 != 4,
            Score = i % 9 == 4 ? null : 65 + (i * 11 % 35),
            RecordedAt = now,
        }).ToList();
        db.TrainingAttendances.AddRange(staffAttendances);
        var staffPledges = staff.Where((_, i) => i % 7 != 3).Select(m => new ConfidentialityPledge
        {
            Id = Guid.NewGuid(),
            StaffMemberId = m.Id,
            SignedOn = m.JoinedOn > today.AddMonths(-4) ? m.JoinedOn : today.AddMonths(-4),
            RecordedAt = now,
        }).ToList();
        db.ConfidentialityPledges.AddRange(staffPledges);
        attendances.AddRange(staffAttendances);
        pledges.AddRange(staffPledges);
        attendances.AddRange(AddTestedTraining(db, today, now, users.Select(u => u.Id).ToList(), staff));

        var awareAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(today.AddDays(-1).ToDateTime(new TimeOnly(10, 30)), zone), TimeSpan.Zero);
        db.Incidents.Add(new Incident
        {
            Id = Guid.NewGuid(),
            Title = "メールマガジンの宛先誤り(BCC 漏れ)",
            Kind = IncidentKind.Leakage,
            DiscoveredAt = awareAt.AddMinutes(-40),
            AwareAt = awareAt,
            DepartmentId = departments["BIZ-MKT"],
            ContractorId = Contractor("Pacific Mail Solutions Inc."),
            LedgerEntryIds = [mailList.Id],
            PeopleCount = 1250,
            DataItems = "氏名、メールアドレス",
            Description = "メールマガジン配信時、配信リストの設定誤りにより会員 1,250 名のメールアドレスが宛先(TO)に表示された状態で送信された。",
            Cause = "配信ツールの設定変更時に、送信前の二者確認が行われなかった。",
            SecondaryHarm = "現時点で二次被害は確認されていない。迷惑メール等の可能性がある。",
            ResponseToIndividuals = "対象の会員へお詫びと注意喚起のメールを送付する予定。",
            RecurrencePrevention = "配信設定の変更時に二者確認を必須とし、テスト配信を義務付ける。",
            CreatedAt = now,
            CreatedById = officer,
        });
        AddRequests(db, today, now, officer, departments, entries);
        await db.SaveChangesAsync(cancellationToken);
        return new Result(entries.Count, attendances.Count, pledges.Count, 1);

        LedgerEntry Entry(string department, string name, string kind, string items, string purpose, LedgerMedium medium, List<string> countries,
            PeopleRange people, DateOnly lastReviewedOn, Guid? contractor, bool specialCare = false) => new()
            {
                Id = Guid.NewGuid(),
                DepartmentId = departments[department],
                Name = name,
                Kind = kind,
                DataItems = items,
                Purpose = purpose,
                ResponsiblePerson = "",
                AccessibleBy = "担当部門の従業者(アクセス権限を付与された者)",
                StorageLocation = medium == LedgerMedium.Paper ? "受付の施錠できるキャビネット" : "社内システム / 委託先のクラウド",
                StorageMethod = medium == LedgerMedium.Paper ? "紙で保管、保存期間経過後に溶解処理" : "アクセス制御されたデータベース",
                Medium = medium,
                Countries = countries,
                People = people,
                SpecialCareData = specialCare,
                EncryptedAtRest = medium != LedgerMedium.Paper,
                RetainedPersonalData = true,
                AcquisitionMethod = "本人から直接取得",
                PurposeNotification = "プライバシーポリシーで公表",
                ContractorIds = contractor is { } c ? [c] : [],
                RetentionPeriod = "取引終了後 5 年",
                DisposalMethod = medium == LedgerMedium.Paper ? "溶解処理" : "システムから削除",
                LastReviewedOn = lastReviewedOn,
                CreatedAt = now,
            };
    }

    /// <summary>
    /// Six data subjects' requests (開示等の請求等), by reference only: a disclosure answered with a fee,
    /// a correction in progress with the identity verified, a request to stop use that is overdue, an
    /// agent's disclosure refused in part, a withdrawn consent and one just received (General
    /// Affairs, so its head sato@ sees two). Each step is taken through the entity's rules.
    /// </summary>
    private static void AddRequests(AppDbContext db, DateOnly today, DateTimeOffset now, Guid officer, Dictionary<string, Guid> departments, List<LedgerEntry> entries)
    {
        var responseDays = OrganisationSettings.DefaultRequestResponseDays;
        Guid? Entry(string name) => entries.FirstOrDefault(e => e.Name == name)?.Id;
        DataSubjectRequest Request(string reference, DataSubjectRequestKind kind, string department, int daysAgo, RequestChannel channel, string summary,
            Guid? ledgerEntry, RequesterKind requester = RequesterKind.Principal) => new()
            {
                Id = Guid.NewGuid(),
                Reference = reference,
                Kind = kind,
                DepartmentId = departments[department],
                ReceivedOn = today.AddDays(-daysAgo),
                DueOn = DataSubjectRequest.DefaultDueOn(today.AddDays(-daysAgo), responseDays),
                Channel = channel,
                RequesterKind = requester,
                Summary = summary,
                LedgerEntryId = ledgerEntry,
                Status = DataSubjectRequestStatus.Received,   // a new request's first status, as Requests/Create records it; the steps follow through the entity
                CreatedAt = now,
                CreatedById = officer,
            };
        void Check(IReadOnlyList<RequestError> errors)
        {
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("A demo request does not follow its own rules: " + string.Join(", ", errors));
            }
        }

        var year = today.Year;
        var answered = Request($"R{year}-001", DataSubjectRequestKind.Disclosure, "SLS-CS", 40, RequestChannel.Web,
            "保有個人データ(購入履歴・問い合わせ履歴)の開示の請求", Entry("顧客管理データ"));
        Check(answered.VerifyIdentity(today.AddDays(-38), "運転免許証の写し(郵送)", today));
        Check(answered.Answer(today.AddDays(-30), "購入履歴と問い合わせ履歴を書面で開示した。", "簡易書留", 1000, today));

        var inProgress = Request($"R{year}-002", DataSubjectRequestKind.Correction, "BIZ-EC", 6, RequestChannel.Email,
            "登録住所の訂正の請求(転居のため)", Entry("EC サイト購入者情報"));
        Check(inProgress.VerifyIdentity(today.AddDays(-5), "登録メールアドレスからの返信と会員番号の照合", today));

        var overdue = Request($"R{year}-003", DataSubjectRequestKind.CeaseUse, "BIZ-MKT", 20, RequestChannel.Phone,
            "メールマガジン配信への利用停止の請求", Entry("メールマガジン会員リスト"));
        Check(overdue.Start());

        var refused = Request($"R{year}-004", DataSubjectRequestKind.Disclosure, "ADM-GA", 35, RequestChannel.Letter,
            "来訪記録の開示の請求(代理人による)", Entry("来客受付簿"), RequesterKind.Agent);
        Check(refused.VerifyIdentity(today.AddDays(-33), "委任状と代理人の本人確認書類", today));
        Check(refused.Refuse(today.AddDays(-25), "他の来訪者の個人情報を含む部分は、第三者の権利利益を害するおそれがあるため開示しない。", true,
            "本人の来訪記録のみ開示した。", "簡易書留", today));

        var withdrawn = Request($"R{year}-005", DataSubjectRequestKind.ConsentWithdrawal, "SLS-CS", 15, RequestChannel.InPerson,
            "アンケート結果の利用への同意の撤回", Entry("顧客管理データ"));
        Check(withdrawn.Withdraw(today.AddDays(-12), "本人から申出の取下げの連絡があった(電話)。", today));

        var received = Request($"R{year}-006", DataSubjectRequestKind.PurposeNotification, "ADM-GA", 10, RequestChannel.Email,
            "来客受付簿の利用目的の通知の求め", Entry("来客受付簿"));

        db.DataSubjectRequests.AddRange(answered, inProgress, overdue, refused, withdrawn, received);
    }

    /// <summary>
    /// A mandatory training with a comprehension test (5 questions, pass mark 80%) held last month:
    /// two users passed at once, one failed and passed on a retake, one failed and must retake it;
    /// two roster members took it on paper (one passed, one failed) and their results were imported.
    /// Those who took it are recorded as attending. Returns the attendances added.
    /// </summary>
    private static List<TrainingAttendance> AddTestedTraining(AppDbContext db, DateOnly today, DateTimeOffset now, List<Guid> users, List<StaffMember> staff)
    {
        var session = new TrainingSession
        {
            Id = Guid.NewGuid(),
            Title = "個人データの取扱い研修(理解度確認テスト付き)",
            HeldOn = today.AddMonths(-1),
            Mandatory = true,
            Material = "e ラーニング「個人データの取扱いと漏えい等の報告」(約20分)",
            CreatedAt = now,
        };
        db.TrainingSessions.Add(session);
        var test = TrainingTest.Create(session.Id, 80, now);
        (string Ja, string En, (string Ja, string En, bool Correct)[] Choices)[] questions =
        [
            ("個人データを含むファイルをメールで社外へ送るとき、正しい対応はどれですか。", "When you e-mail a file holding personal data outside the company, what is right?",
                [("宛先を二人で確認し、ファイルを暗号化して送る", "Have a second person check the recipients and encrypt the file", true), ("急ぎなら確認を省略してよい", "Skip the check when in a hurry", false), ("パスワードを同じメールに書く", "Put the password in the same e-mail", false)]),
            ("漏えい等事案に気づいたときにすべきことを、すべて選んでください。", "Choose everything to do when you notice an incident.",
                [("すぐに上長と個人情報保護管理者へ報告する", "Report at once to your manager and the compliance officer", true), ("状況と時刻を記録する", "Record what happened and when", true), ("自分だけで解決してから報告する", "Resolve it alone before reporting", false)]),
            ("要配慮個人情報に当たるものはどれですか。", "Which is special-care personal information?",
                [("健康診断の結果", "Health check results", true), ("会社の代表電話番号", "The company's main phone number", false)]),
            ("退職者のアカウントはいつ無効にしますか。", "When is a leaver's account disabled?",
                [("退職日に速やかに", "Promptly on the leaving date", true), ("次の棚卸しのとき", "At the next stocktake", false), ("本人から申し出があったとき", "When they ask", false)]),
            ("個人データを委託先に取り扱わせるときに必要なことはどれですか。", "What is needed when a contractor handles personal data?",
                [("委託先の監督(契約と取扱状況の確認)", "Supervision of the contractor (contract and checks)", true), ("特に何もしなくてよい", "Nothing in particular", false)]),
        ];
        foreach (var (ja, en, choices) in questions)
        {
            test.SaveQuestion(null, ja, en, choices.Select(c => new TrainingTest.ChoiceDraft(c.Ja, c.En, c.Correct)).ToList());
        }

        db.TrainingTests.Add(test);
        List<Guid> Sheet(int right) =>
            test.Questions.OrderBy(q => q.Number).SelectMany(q => q.Number <= right ? q.Choices.Where(c => c.Correct) : q.Choices.Where(c => !c.Correct).Take(1)).Select(c => c.Id).ToList();
        var results = new List<TrainingTestResult>();
        void Take(Guid user, int right, int daysAfter)
        {
            var sheet = Sheet(right);
            results.Add(TrainingTestResult.Taken(test, user, null, sheet, test.GradeAnswers(sheet), session.HeldOn.AddDays(daysAfter), now));
        }

        if (users.Count >= 4)
        {
            Take(users[0], 5, 1);
            Take(users[1], 4, 2);
            Take(users[^2], 3, 1);
            Take(users[^2], 5, 3);
            Take(users[^1], 2, 2);
        }

        foreach (var (member, score) in staff.Where((_, i) => i % 6 == 5).Take(2).Zip([90, 50]))
        {
            results.Add(TrainingTestResult.Imported(test, null, member.Id, score, null, session.HeldOn.AddDays(5), now).Result!);
        }

        db.TrainingTestResults.AddRange(results);
        var attendances = results.GroupBy(r => (r.UserId, r.StaffMemberId)).Select(g => new TrainingAttendance
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            UserId = g.Key.UserId,
            StaffMemberId = g.Key.StaffMemberId,
            Completed = true,
            Score = g.Max(r => r.Score),
            RecordedAt = now,
        }).ToList();
        db.TrainingAttendances.AddRange(attendances);
        return attendances;
    }
}
