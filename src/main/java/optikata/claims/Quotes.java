package optikata.claims;

import java.util.Map;

/** The texts' own sentences (short quotations, in the original Chinese), by claim id. */
final class Quotes {
    private Quotes() {}

    static final Map<String, String> BY_ID = Map.ofEntries(
            Map.entry("C01", "E[g²]_t = β E[g²]_{t−1} + (1 − β) g_t² …… θ_{t+1} = θ_t − α/√(E[g²]_t + ε) · g_t"),
            Map.entry(
                    "C02",
                    "更新梯度平方的移动平均 E[g^2]_0 = 0.9 × 0 + 0.1 × 2.0^2 = 0.4。计算调整后的学习率 θ_1 = 1.0 − 0.01/√(0.4 + 1e-8) × 2.0 ≈ 0.968。"),
            Map.entry("C03", "不同于AdaGrad(累积所有历史梯度平方,导致学习率单调下降至零),RMSProp使用指数加权平均,让较近的梯度影响更大。"),
            Map.entry("C04", "變量s_t可看作是最近1/(1-0.9) = 10個時間步的平方項g_t ⊙ g_t的加權平均。"),
            Map.entry("C05", "epoch 20, x1 -0.010599, x2 0.000000"),
            Map.entry("C06", "AdaGrad算法在迭代后期由于學習率過小,可能較難找到一個有用的解。"),
            Map.entry("C07", "Δθ_t = −η/(√r_t + ε) · g_t …… ε 防止分母为零。"),
            Map.entry("C08", "如果某个参数的梯度一直很大,r_t 会累积较大的值……从而降低该参数的学习率;如果梯度一直很小,r_t 较小,学习率相对增大,加速更新。"),
            Map.entry("C09", "这种自适应机制有助于加快收敛速度,同时也能够避免梯度爆炸或梯度消失的问题。"),
            Map.entry("C10", "Adam则结合了RMSProp和动量优化的思想,通过对梯度和梯度平方的移动平均来调整学习率。"),
            Map.entry("C11", "RMSProp优化器通过计算梯度的均方根(Root Mean Square,简称RMS)来动态调整学习率。"),
            Map.entry("C12", "g_t = β g_{t−1} + (1 − β) ∇J(θ_t)"),
            Map.entry("C13", "对于线性回归模型的权重参数θ_w,其偏导数为:∂J(θ)/∂θ_w = (1/n) Σ (y_i − θ^T x_i) x_{i,w}"),
            Map.entry("C14", "gradients = np.dot(X, theta) - y"),
            Map.entry("C15", "我们假设有10个数据点,使用线性回归模型进行训练。在训练过程中,我们根据RMSProp优化器的公式更新模型参数。"),
            Map.entry("C16", "这个向量被称为\"缓存\"(cache)或\"动量\"(momentum),它反映了参数梯度的幅度变化情况。"),
            Map.entry("C17", "与动量优化算法相比,RMSprop的计算更加简单高效,不需要维护额外的动量向量。"),
            Map.entry("C18", "初始化缓存向量E[g^2]_0,通常设置为0或一个很小的值。"),
            Map.entry("C19", "小常数 ε:防止除零,一般设为1e-8。太小可能数值不稳定,太大可能影响更新量。"),
            Map.entry("C20", "def rmsprop_update(params, grads, r, lr=0.001, rho=0.9, eps=1e-8):"),
            Map.entry("C21", "RMSProp的主要优点是能够自适应调整学习率,适用于处理稀疏梯度和非平稳目标函数。"),
            Map.entry("C22", "optimizer = tf.keras.optimizers.RMSprop(learning_rate=0.01, rho=0.9, epsilon=1e-08)"),
            Map.entry("C23", "由于RMSProp优化器能够根据梯度的历史值进行适时调整学习率,它在处理大规模数据集时的收敛速度更快。"),
            Map.entry("C24", "loss: 0.243452 …… loss: 0.243676"),
            Map.entry("C25", "通過名稱為RMSprop的優化器方法,我們便可使用PyTorch提供的RMSProp算法來訓練模型。注意,超參數γ通過alpha指定。"));
}
