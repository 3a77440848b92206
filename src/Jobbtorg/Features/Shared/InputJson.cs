using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Jobbtorg.Features.Shared;

/// <summary>The API's JSON reading rules (see <see cref="Input"/>): a refused value throws a JsonException that carries
/// the field's path, which the exception handler turns into a 400 naming the field.</summary>
public static class InputJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new EnumNameConverterFactory());
        options.Converters.Add(new DateConverter());
        options.Converters.Add(new TextConverter());
    }

    /// <summary>An empty JsonException gets the serializer's "could not be converted … Path: …" message, which the
    /// handler explains from the expected type; the inner exception, if any, says more.</summary>
    private static JsonException Refused(InputRefusedException? why = null) => new(null, why);

    /// <summary>Enumerations by name only: JsonStringEnumConverter would also take "1" as a number's text and
    /// "NewApplicant, SfiStudent" as a combination of values, storing a member nobody sent.</summary>
    private sealed class EnumNameConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EnumNameConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class EnumNameConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Input.TryReadName<T>(reader.GetString(), out var value) ? value : throw Refused();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Input.TryReadName<T>(reader.GetString(), out var value) ? value : throw Refused();

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());
    }

    private sealed class DateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw Refused();
            var text = reader.GetString()!;
            return Input.TryReadDate(text, out var date, out var problem) ? date : throw Refused(new InputRefusedException(problem!.Template, problem.Args));
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(Input.DateFormat, CultureInfo.InvariantCulture));
    }

    private sealed class TextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Invalid UTF-8 and lone surrogates in escapes already fail here, with the field's path.
            var text = reader.GetString();
            return Input.TextProblem(text) is { } problem ? throw Refused(new InputRefusedException(problem)) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>The API reference describes the values as the converters above read them: the serializer's schema exporter
/// leaves values read by a converter of the app's own undescribed.</summary>
public static class InputJsonSchemas
{
    public static void Describe(Microsoft.AspNetCore.OpenApi.OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = context.JsonTypeInfo.Type;
        var value = Nullable.GetUnderlyingType(type) ?? type;
        if (value == typeof(string)) schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
        else if (value == typeof(DateOnly))
        {
            schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
            schema.Format = "date";
        }
        else if (value.IsEnum)
        {
            schema.Enum = [.. Enum.GetNames(value).Select(name => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(name))];
            return Task.CompletedTask;
        }
        else
        {
            DescribeTextItems(schema, value);
            return Task.CompletedTask;
        }
        if (Nullable.GetUnderlyingType(type) is not null || IsNullableReference(context.JsonPropertyInfo))
            schema.Type |= Microsoft.OpenApi.JsonSchemaType.Null;
        return Task.CompletedTask;
    });

    /// <summary>Lists of texts nested in a schema, such as a validation problem's errors (text → list of texts), whose items
    /// are not handed to the transformer on their own.</summary>
    private static void DescribeTextItems(Microsoft.OpenApi.IOpenApiSchema? schema, Type type)
    {
        if (schema is not Microsoft.OpenApi.OpenApiSchema s || type == typeof(string)) return;
        if (Generic(type, typeof(IDictionary<,>)) is { } dictionary) DescribeTextItems(s.AdditionalProperties, dictionary[1]);
        else if ((type.IsArray ? [type.GetElementType()!] : Generic(type, typeof(IEnumerable<>))) is [var element])
        {
            if (element != typeof(string)) DescribeTextItems(s.Items, element);
            else if (s.Items is null) s.Items = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String };
            else if (s.Items is Microsoft.OpenApi.OpenApiSchema { Type: null } items) items.Type = Microsoft.OpenApi.JsonSchemaType.String;
        }
    }

    private static Type[]? Generic(Type type, Type definition) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)?.GetGenericArguments();

    private static readonly System.Reflection.NullabilityInfoContext Nullability = new();

    private static bool IsNullableReference(JsonPropertyInfo? property)
    {
        if (property?.AttributeProvider is not System.Reflection.PropertyInfo info) return false;
        lock (Nullability) return Nullability.Create(info).ReadState == System.Reflection.NullabilityState.Nullable;
    }
}
