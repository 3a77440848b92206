using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.Staff;

/// <summary>Every password set through Identity passes here: a new user's, a reset, a user's own change and the first
/// administrator's. It replaces Identity's own validator, whose composition rules NIST advises against.</summary>
public sealed class StaffPasswordValidator(CommonPasswords common, IOptions<IdentityOptions> options) : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var minLength = Math.Max(PasswordRules.MinLength, options.Value.Password.RequiredLength);
        var problems = PasswordRules.Check(password, user.Email, user.DisplayName, common.Contains, minLength);
        if (problems.Count == 0) return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(problems.Select(p => (IdentityError)new PasswordRefusal("Password" + p, Describe(p, minLength))).ToArray()));
    }

    public static Message Describe(PasswordProblem problem, int minLength = PasswordRules.MinLength) => problem switch
    {
        PasswordProblem.TooShort => new Message("The password must be at least {0} characters long.", minLength),
        PasswordProblem.TooLong => new Message("The password may be at most {0} characters long.", PasswordRules.MaxLength),
        PasswordProblem.Common => new Message("The password is one of the most common passwords. Choose another."),
        PasswordProblem.ContainsEmail => new Message("The password must not contain the account's e-mail address or a part of it."),
        PasswordProblem.ContainsName => new Message("The password must not contain the account's name or a part of it."),
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    };
}
