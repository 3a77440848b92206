using System.ComponentModel.DataAnnotations;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Staff;

/// <summary>
/// What an administrator does to a user's account, each change with its <see cref="StaffChange"/> row in the same
/// transaction. A change that alters what the user may reach (role, binding, deactivation, a new password) also ends
/// the user's sessions, so it holds from the next request on.
/// </summary>
public sealed class StaffAdministration(JobbtorgDb db, UserManager<AppUser> users, TimeProvider clock, DistrictOutbox outbox,
    Caseloads caseloads, IOptions<IdentityOptions> identity)
{
    public const int MaxNameLength = 200;
    private const int MaxDetailsLength = 8000;

    public async Task<string?> RoleOfAsync(AppUser user) => (await users.GetRolesAsync(user)).Order().FirstOrDefault();

    /// <summary>The cases the user is coach of that are not closed.</summary>
    public Task<int> OpenCasesAsync(string userId, CancellationToken ct = default) =>
        db.Cases.CountAsync(c => c.CoachId == userId && c.Status != CaseStatus.Closed, ct);

    public Task<bool> AnyActiveAdministratorAsync(CancellationToken ct = default) => ActiveAdministrators().AnyAsync(ct);

    private IQueryable<AppUser> ActiveAdministrators()
    {
        var role = db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id);
        return db.Users.Where(u => u.DeactivatedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && role.Contains(ur.RoleId)));
    }

    public async Task<(AppUser User, string Password)> CreateAsync(string? email, string? displayName, string? role, StaffBinding binding,
        StaffActor by, CancellationToken ct = default)
    {
        email = email?.Trim() ?? "";
        displayName = displayName?.Trim() ?? "";
        EnsureEmail(email);
        if (displayName.Length == 0) throw new RuleBrokenException("Enter the user's name.");
        if (displayName.Length > MaxNameLength) throw new RuleBrokenException("The name may be at most {0} characters long.", MaxNameLength);
        StaffRules.EnsureBindingFits(role, binding);
        var bindingName = await DescribeAsync(binding, ct);
        if (await users.FindByEmailAsync(email) is not null) throw new RuleBrokenException("A user with this e-mail address exists already.");

        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            JobCentreId = binding.JobCentreId, DistrictId = binding.DistrictId, ProviderId = binding.ProviderId,
            MustChangePassword = true,
        };
        var password = await NewOneTimePasswordAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Succeeded(await users.CreateAsync(user, password));
        Succeeded(await users.AddToRoleAsync(user, role!));
        db.Add(StaffChange.Of(user, StaffChangeKind.Created, by, clock.GetUtcNow(), role, bindingName));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (user, password);
    }

    public async Task ChangeRoleAsync(AppUser user, string? role, StaffBinding binding, StaffActor by, CancellationToken ct = default)
    {
        var current = await RoleOfAsync(user) ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        StaffRules.EnsureMayChangeRole(user, current, role ?? "", binding, await OpenCasesAsync(user.Id, ct),
            await ActiveAdministrators().CountAsync(u => u.Id != user.Id, ct));
        if (current == role && StaffBinding.Of(user) == binding)
            throw new RuleBrokenException("Nothing to change: the user already has this role and binding.");
        var previousBinding = await DescribeAsync(StaffBinding.Of(user), ct);
        var newBinding = await DescribeAsync(binding, ct);

        if (current != role)
        {
            if (current.Length > 0) Succeeded(await users.RemoveFromRoleAsync(user, current));
            Succeeded(await users.AddToRoleAsync(user, role!));
        }
        (user.JobCentreId, user.DistrictId, user.ProviderId) = (binding.JobCentreId, binding.DistrictId, binding.ProviderId);
        Succeeded(await users.UpdateAsync(user));
        db.Add(StaffChange.Of(user, StaffChangeKind.RoleChanged, by, clock.GetUtcNow(), role, newBinding, current, previousBinding));
        await db.SaveChangesAsync(ct);
        // The role and the binding are read into the session at sign-in.
        await DatabaseSessionStore.EndAllAsync(db, user.Id, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task DeactivateAsync(AppUser user, StaffActor by, CancellationToken ct = default)
    {
        var role = await RoleOfAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        StaffRules.EnsureMayDeactivate(user, role, by.Id == user.Id, await OpenCasesAsync(user.Id, ct),
            await ActiveAdministrators().CountAsync(u => u.Id != user.Id, ct));
        user.DeactivatedAt = clock.GetUtcNow();
        Succeeded(await users.UpdateAsync(user));
        db.Add(StaffChange.Of(user, StaffChangeKind.Deactivated, by, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await DatabaseSessionStore.EndAllAsync(db, user.Id, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task ReactivateAsync(AppUser user, StaffActor by, CancellationToken ct = default)
    {
        StaffRules.EnsureMayReactivate(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DeactivatedAt = null;
        Succeeded(await users.UpdateAsync(user));
        db.Add(StaffChange.Of(user, StaffChangeKind.Reactivated, by, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A new one-time password, to be shown once; the old password stops working and the user's sessions end.</summary>
    public async Task<string> ResetPasswordAsync(AppUser user, StaffActor by, CancellationToken ct = default)
    {
        var password = await NewOneTimePasswordAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.MustChangePassword = true;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Succeeded(await users.ResetPasswordAsync(user, token, password));
        db.Add(StaffChange.Of(user, StaffChangeKind.PasswordReset, by, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await DatabaseSessionStore.EndAllAsync(db, user.Id, ct);
        await transaction.CommitAsync(ct);
        return password;
    }

    /// <summary>Records that the user chose their own password (the password itself is changed through Identity).</summary>
    public void RecordOwnPasswordChange(AppUser user) =>
        db.Add(StaffChange.Of(user, StaffChangeKind.PasswordChanged, new StaffActor(user.Id, user.DisplayName), clock.GetUtcNow()));

    /// <summary>The other active coaches of the coach's centre, who can take over their cases.</summary>
    public async Task<List<CoachLoad>> SuccessorsAsync(AppUser coach, CancellationToken ct = default) =>
        coach.JobCentreId is { } centre
            ? (await caseloads.AtCentreAsync(centre, ct)).Where(l => l.Coach.Id != coach.Id).ToList()
            : [];

    /// <summary>Moves the coach's open cases, each to the coach named for it. Every case gets its new coach and its
    /// district a <see cref="MessageKind.CoachChanged"/> message, all in one transaction.</summary>
    public async Task<int> HandOverAsync(AppUser coach, IReadOnlyDictionary<int, string> targets, StaffActor by, CancellationToken ct = default)
    {
        if (targets.Count == 0) throw new RuleBrokenException("Choose a new coach for at least one case.");
        var successors = (await SuccessorsAsync(coach, ct)).ToDictionary(l => l.Coach.Id, l => l.Coach);
        var caseIds = targets.Keys.ToList();
        var cases = await db.Cases.Include(c => c.District).Include(c => c.JobCentre)
            .Where(c => caseIds.Contains(c.Id) && c.CoachId == coach.Id && c.Status != CaseStatus.Closed)
            .OrderBy(c => c.CaseRef).ToListAsync(ct);
        if (cases.Count != targets.Count)
            throw new RuleBrokenException("A case is no longer among the coach's open cases. Reload the page and try again.");

        foreach (var c in cases)
        {
            if (!successors.TryGetValue(targets[c.Id], out var to))
                throw new RuleBrokenException("Choose an active coach of the same job centre for case {0}.", c.CaseRef);
            c.AssignCoach(to);
            outbox.CoachChanged(c, to);
        }
        // "Sara Holm: JT-…, JT-…; Erik Bergström: JT-…"
        var details = string.Join("; ", cases.GroupBy(c => c.Coach!.DisplayName).OrderBy(g => g.Key)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.CaseRef))}"));
        if (details.Length > MaxDetailsLength) details = details[..(MaxDetailsLength - 1)] + "…";
        db.Add(StaffChange.Of(coach, StaffChangeKind.CasesHandedOver, by, clock.GetUtcNow(), details: details));
        await db.SaveChangesAsync(ct);
        return cases.Count;
    }

    /// <summary>The name of what the user is bound to, as it reads in the change log; refuses a binding that does not exist.</summary>
    public async Task<string?> DescribeAsync(StaffBinding binding, CancellationToken ct = default)
    {
        if (binding.JobCentreId is { } centre)
            return await db.JobCentres.Where(j => j.Id == centre).Select(j => j.Name).FirstOrDefaultAsync(ct)
                   ?? throw new RuleBrokenException("Choose the job centre the coach or matcher works at.");
        if (binding.DistrictId is { } district)
            return await db.Districts.Where(d => d.Id == district).Select(d => d.Name).FirstOrDefaultAsync(ct)
                   ?? throw new RuleBrokenException("Choose the district the case worker works in.");
        if (binding.ProviderId is { } provider)
            return await db.Providers.Where(p => p.Id == provider).Select(p => p.Name).FirstOrDefaultAsync(ct)
                   ?? throw new RuleBrokenException("Choose the provider the user works for.");
        return null;
    }

    /// <summary>A one-time password that passes every password rule for this user (a random one practically always does).</summary>
    private async Task<string> NewOneTimePasswordAsync(AppUser user)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var password = OneTimePassword.New();
            var results = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, user, password)));
            if (results.All(r => r.Succeeded)) return password;
        }
        throw new InvalidOperationException("No one-time password passed the password rules.");
    }

    private void EnsureEmail(string email)
    {
        if (email.Length == 0) throw new RuleBrokenException("Enter the user's e-mail address.");
        if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)
            || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.'))
            throw new RuleBrokenException("Enter a valid e-mail address, such as anna.andersson@stad.se.");
        // The e-mail address is also the user name, which Identity limits to these characters.
        var allowed = identity.Value.User.AllowedUserNameCharacters;
        if (!string.IsNullOrEmpty(allowed) && email.Any(ch => !allowed.Contains(ch)))
            throw new RuleBrokenException("The e-mail address may contain only the letters a–z, digits and the characters . _ - + @.");
    }

    /// <summary>Identity's own refusals are checked for beforehand; one that still comes is a fault, not a user's mistake.</summary>
    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("The account could not be changed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
