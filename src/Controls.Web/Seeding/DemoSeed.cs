using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Controls.Web.Seeding;

/// <summary>
/// Creates the demo organisation from seeds/demo-organisation.yaml: departments, users, roles.
/// Runs only on a database without users (the first run of scripts/run), never in production.
/// </summary>
public sealed class DemoSeed(AppDbContext db, UserManager<AppUser> users, DemoActivity activity, TimeProvider time)
{
    public sealed record Result(bool Created, int Departments, int Users, string? Error = null, int Inspections = 0);

    public sealed class SeedFile
    {
        public SeedOrganisation Organisation { get; set; } = new();
        public List<SeedDepartment> Departments { get; set; } = [];
        public List<SeedUser> Users { get; set; } = [];
        public List<SeedStaff> Staff { get; set; } = [];
    }

    /// <summary>A member of the staff roster (従業者名簿): an employee who may never sign in.</summary>
    public sealed class SeedStaff
    {
        public string EmployeeNumber { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Email { get; set; }
        public string Department { get; set; } = "";
        /// <summary>yyyy-MM-dd.</summary>
        public string JoinedOn { get; set; } = "";
        public string? LeftOn { get; set; }
    }

    public sealed class SeedOrganisation
    {
        public string NameJa { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string TimeZone { get; set; } = "Asia/Tokyo";
        public string Password { get; set; } = "";
    }

    public sealed class SeedDepartment
    {
        public string Code { get; set; } = "";
        public string NameJa { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string? Head { get; set; }
        public List<SeedDepartment> Children { get; set; } = [];
    }

    public sealed class SeedUser
    {
        public string Email { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Department { get; set; }
        public List<string> Roles { get; set; } = [];
        public string Language { get; set; } = "ja";
    }

    public static SeedFile Read(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        using var reader = new StreamReader(path);
        return deserializer.Deserialize<SeedFile>(reader) ?? new SeedFile();
    }

    public async Task<Result> RunAsync(string path)
    {
        SeedFile seed;
        try
        {
            seed = Read(path);
        }
        catch (Exception e) when (e is IOException or YamlException or UnauthorizedAccessException)
        {
            return new Result(false, 0, 0, $"{path}: {e.Message}");
        }

        if (await db.Users.AnyAsync())
        {
            return new Result(false, 0, 0);
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var settings = await db.OrganisationSettings.SingleAsync(s => s.Id == OrganisationSettings.SingletonId);
        settings.NameJa = seed.Organisation.NameJa;
        settings.NameEn = seed.Organisation.NameEn;
        settings.TimeZone = seed.Organisation.TimeZone;
        settings.IsDemo = true;

        var departments = new Dictionary<string, Department>(StringComparer.Ordinal);
        void AddDepartments(IEnumerable<SeedDepartment> nodes, Department? parent)
        {
            foreach (var node in nodes)
            {
                var department = new Department { Id = Guid.NewGuid(), Code = node.Code, NameJa = node.NameJa, NameEn = node.NameEn, Parent = parent };
                db.Departments.Add(department);
                departments.Add(node.Code, department);
                AddDepartments(node.Children, department);
            }
        }

        AddDepartments(seed.Departments, null);
        await db.SaveChangesAsync();

        var byEmail = new Dictionary<string, AppUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in seed.Users)
        {
            var user = new AppUser
            {
                UserName = person.Email,
                Email = person.Email,
                EmailConfirmed = true,
                DisplayName = person.Name,
                PreferredLanguage = person.Language,
                DepartmentId = person.Department is null ? null : departments[person.Department].Id,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, seed.Organisation.Password);
            if (!created.Succeeded)
            {
                return new Result(false, 0, 0, $"{person.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            var roles = await users.AddToRolesAsync(user, person.Roles);
            if (!roles.Succeeded)
            {
                return new Result(false, 0, 0, $"{person.Email}: {string.Join("; ", roles.Errors.Select(e => e.Description))}");
            }

            byEmail[person.Email] = user;
        }

        void SetHeads(IEnumerable<SeedDepartment> nodes)
        {
            foreach (var node in nodes)
            {
                if (node.Head is not null)
                {
                    departments[node.Code].HeadUserId = byEmail[node.Head].Id;
                }

                SetHeads(node.Children);
            }
        }

        SetHeads(seed.Departments);
        await db.SaveChangesAsync();
        await AddStaffAsync(seed.Staff, departments, now);
        var demo = await activity.RunAsync();
        await transaction.CommitAsync();
        return new Result(true, departments.Count, byEmail.Count, Inspections: demo.Inspections);
    }

    /// <summary>The roster members not yet on the roster (by employee number): running it again adds nothing twice.</summary>
    private async Task AddStaffAsync(List<SeedStaff> staff, Dictionary<string, Department> departments, DateTimeOffset now)
    {
        var existing = (await db.StaffMembers.Select(m => m.EmployeeNumber).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        foreach (var person in staff.Where(p => !existing.Contains(p.EmployeeNumber) && departments.ContainsKey(p.Department)))
        {
            db.StaffMembers.Add(new StaffMember
            {
                Id = Guid.NewGuid(),
                EmployeeNumber = person.EmployeeNumber,
                Name = person.Name,
                Email = person.Email,
                NormalizedEmail = StaffMember.Normalize(person.Email),
                DepartmentId = departments[person.Department].Id,
                JoinedOn = DateOnly.ParseExact(person.JoinedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                LeftOn = person.LeftOn is { } left ? DateOnly.ParseExact(left, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
                CreatedAt = now,
                UpdatedAt = now,
            });
            existing.Add(person.EmployeeNumber);
        }

        await db.SaveChangesAsync();
    }
}
