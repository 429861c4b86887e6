using LambdaKit.EventCheck;

return EventCheckCommand.Run(args, Console.Out, Console.Error);
