using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Jobbtorg.Features.Staff;

/// <summary>A password rule's refusal as Identity passes it on: the description is the English text, and the page that
/// shows it translates <see cref="Message"/>.</summary>
public sealed class PasswordRefusal : IdentityError
{
    public PasswordRefusal(string code, Message message)
    {
        Code = code;
        Description = message.ToString();
        Message = message;
    }

    public Message Message { get; }
}
