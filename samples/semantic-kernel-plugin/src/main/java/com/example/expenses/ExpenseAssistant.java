package com.example.expenses;

import com.azure.ai.openai.OpenAIAsyncClient;
import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.orchestration.InvocationContext;
import com.microsoft.semantickernel.orchestration.ToolCallBehavior;
import com.microsoft.semantickernel.plugin.KernelPlugin;
import com.microsoft.semantickernel.plugin.KernelPluginFactory;
import com.microsoft.semantickernel.services.chatcompletion.ChatCompletionService;
import com.microsoft.semantickernel.services.chatcompletion.ChatHistory;
import javax.sql.DataSource;

/** Builds the kernel behind the expense assistant: two plugins, functions called automatically. */
public final class ExpenseAssistant {
    private final Kernel kernel;
    private final ChatCompletionService chat;

    public ExpenseAssistant(OpenAIAsyncClient openAi, DataSource expensesDb) {
        this.chat = ChatCompletionService.builder()
                .withOpenAIAsyncClient(openAi)
                .withModelId("gpt-4o")
                .build();
        PaymentsClient payments = new PaymentsClient(System.getenv("PAYMENTS_API_KEY"));
        // expect: lethal-trifecta ExpenseAssistant:expenses/list_claims+expenses/pay_out_claim+receipts/read_receipt
        KernelPlugin expenses = KernelPluginFactory.createFromObject(new ExpensePlugin(expensesDb, payments), "expenses");
        KernelPlugin receipts = KernelPluginFactory.createFromObject(new ReceiptPlugin(), "receipts");
        this.kernel = Kernel.builder()
                .withAIService(ChatCompletionService.class, chat)
                .withPlugin(expenses)
                .withPlugin(receipts)
                .build();
    }

    public String answer(ChatHistory history) {
        InvocationContext context = InvocationContext.builder()
                .withToolCallBehavior(ToolCallBehavior.allowAllKernelFunctions(true))
                .build();
        return chat.getChatMessageContentsAsync(history, kernel, context).block().get(0).getContent();
    }
}
